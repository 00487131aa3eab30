import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { openStore, type OaiRecord } from '../../src/oai/index.js';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

async function storedRecords(dir: string): Promise<OaiRecord[]> {
  const opened = await openStore(dir, loadConfig(undefined, dir).config!);
  const records = await opened.store!.list({}, undefined, 1000);
  await opened.store!.close();
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('an OAI-PMH store deleted between two builds', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is written again whole from the records the build kept, without redoing a document', async () => {
    assertCliBuilt();
    const dir = makeEdition();
    dirs.push(dir);
    const env = { SOURCE_DATE_EPOCH: '1000000000' };
    expect(runCli(['build', '--no-progress'], dir, env).status).toBe(0);
    const before = await storedRecords(dir);
    expect(before.length).toBeGreaterThan(0);
    for (const name of readdirSync(join(dir, '.cablekit'))) if (name.startsWith('oai-store.sqlite')) rmSync(join(dir, '.cablekit', name));

    const again = runCli(['build', '--no-progress', '-v'], dir, env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/wrote 0 files/);
    expect(again.stderr).toMatch(new RegExp(`OAI store \\(sqlite\\): ${before.length} added`));
    // Every record as the first build wrote it: the bodies came from the build cache, not from the TEI.
    expect(await storedRecords(dir)).toEqual(before);
  }, 240_000);
});
