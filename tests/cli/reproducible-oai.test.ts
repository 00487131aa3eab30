import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

describe('OAI datestamps of a reproducible build', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('follow SOURCE_DATE_EPOCH, so two builds in different folders write the same records', () => {
    assertCliBuilt();
    const stores = [0, 1].map(() => {
      const dir = makeEdition();
      dirs.push(dir);
      const run = runCli(['build', '--no-progress'], dir, { SOURCE_DATE_EPOCH: '1000000000' });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(readFileSync(join(dir, '.cablekit', 'oai-store.json'), 'utf8')) as { records: { id: string; datestamp: string }[] };
    });
    const stamps = stores[0]!.records.map((r) => r.datestamp);
    expect(stamps.length).toBeGreaterThan(0);
    expect(new Set(stamps)).toEqual(new Set(['2001-09-09T01:46:40Z']));
    expect(stores[1]!.records.map((r) => [r.id, r.datestamp])).toEqual(stores[0]!.records.map((r) => [r.id, r.datestamp]));
  }, 240_000);
});
