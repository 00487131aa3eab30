import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { openStore } from '../../src/oai/index.js';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

describe('OAI datestamps of a reproducible build', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('follow SOURCE_DATE_EPOCH, so two builds in different folders write the same records', async () => {
    assertCliBuilt();
    const stores: { records: { id: string; datestamp: string }[] }[] = [];
    for (const _ of [0, 1]) {
      const dir = makeEdition();
      dirs.push(dir);
      const run = runCli(['build', '--no-progress'], dir, { SOURCE_DATE_EPOCH: '1000000000' });
      expect(run.status, run.stderr).toBe(0);
      const opened = await openStore(dir, loadConfig(undefined, dir).config!);
      const records = (await opened.store!.list({}, undefined, 1000)).map((r) => ({ id: r.id, datestamp: r.datestamp }));
      await opened.store!.close();
      stores.push({ records: [...records].sort((a, b) => a.id.localeCompare(b.id)) });
    }
    const stamps = stores[0]!.records.map((r) => r.datestamp);
    expect(stamps.length).toBeGreaterThan(0);
    expect(new Set(stamps)).toEqual(new Set(['2001-09-09T01:46:40Z']));
    expect(stores[1]!.records.map((r) => [r.id, r.datestamp])).toEqual(stores[0]!.records.map((r) => [r.id, r.datestamp]));
  }, 240_000);
});
