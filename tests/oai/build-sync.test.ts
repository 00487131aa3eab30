import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineDeps } from '../../src/cli/pipeline-deps.js';
import { DEFAULT_CONFIG, type CablekitConfig } from '../../src/config/config.js';
import { bookkeepingFiles } from '../../src/edition/layout.js';
import { openStore, type OaiRecord } from '../../src/oai/index.js';
import { runBuild } from '../../src/pipeline/index.js';
import { readDocumentCacheDb } from '../../src/pipeline/document-cache-db.js';

/**
 * The build and the store together: the build records the store's generation after each sync
 * (in .cablekit/build-cache.sqlite), so the next build looks up only the documents it redid — and
 * a store that is not as the build left it (here: restored from a backup) is compared in full,
 * even by a build that changed nothing.
 */

const SAMPLES = ['sources/000_8b1b759c36f2ea61.txt', 'sources/001_3473856850622fa9.txt'];
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function edition(): { root: string; config: CablekitConfig } {
  const root = mkdtempSync(join(tmpdir(), 'cablekit-build-sync-'));
  roots.push(root);
  const config = { ...DEFAULT_CONFIG, sourcesDir: join(root, 'sources'), teiDir: join(root, 'tei'), outputDir: join(root, 'output') };
  mkdirSync(config.sourcesDir);
  for (const sample of SAMPLES) copyFileSync(sample, join(config.sourcesDir, sample.slice('sources/'.length)));
  return { root, config };
}

async function build(root: string, config: CablekitConfig): Promise<string | undefined> {
  const deps = { ...pipelineDeps(), stages: [] };
  delete deps.publishChanges;
  const report = await runBuild({ config, rootDir: root, deps });
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return report.diagnostics.find((d) => d.code === 'oai/store-synced')?.message;
}

async function stored(root: string, config: CablekitConfig): Promise<OaiRecord[]> {
  const { store } = await openStore(root, config);
  if (!store) throw new Error('no store');
  try {
    return await store.list({}, undefined, 100);
  } finally {
    await store.close();
  }
}

/** Changes the text of the second sample page (its TEI, hence its OAI record). */
function editPage(config: CablekitConfig, from: string, to: string): void {
  const path = join(config.sourcesDir, SAMPLES[1]!.slice('sources/'.length));
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('the build and the OAI store', { timeout: 120_000 }, () => {
  it('looks up only the redone documents while the store is as the last build left it; compares in full after a restore or without the build cache', async () => {
    const { root, config } = edition();
    const files = bookkeepingFiles(config.outputDir, root);
    expect(await build(root, config)).toMatch(/2 added, 0 updated, 0 deleted, 0 unchanged \(compared all 0 stored records: no earlier sync/);
    const { cache } = readDocumentCacheDb(files.buildCache, files.documentCache);
    expect(cache.oaiGeneration).toMatch(/^[0-9a-f-]{36}$/);
    expect(cache.oaiKept).toEqual([]);
    copyFileSync(files.oaiDatabase, `${files.oaiDatabase}.backup`);

    // One page edited: its record is looked up and written, the other is not read.
    editPage(config, 'Premier Kim praised', 'Premier Kim warmly praised');
    expect(await build(root, config)).toMatch(/0 added, 1 updated, 0 deleted, 1 unchanged \(looked up 1 stored records/);
    const after = await stored(root, config);

    // Nothing changed: nothing said, nothing written.
    expect(await build(root, config)).toBeUndefined();
    expect(await stored(root, config)).toEqual(after);

    // The store restored from the backup (it lacks the edit); the build changes nothing, yet the
    // store's generation tells it the store is not as it left it: every record is compared.
    for (const suffix of ['-wal', '-shm']) rmSync(`${files.oaiDatabase}${suffix}`, { force: true });
    copyFileSync(`${files.oaiDatabase}.backup`, files.oaiDatabase);
    expect(await build(root, config)).toMatch(/0 added, 1 updated, 0 deleted, 1 unchanged \(compared all 2 stored records: the store was written since/);
    expect((await stored(root, config)).map((r) => r.hash).sort()).toEqual(after.map((r) => r.hash).sort());

    // The build cache deleted: every document is redone and every record compared; none changes.
    rmSync(files.buildCache);
    expect(await build(root, config)).toMatch(/0 added, 0 updated, 0 deleted, 2 unchanged \(compared all 2 stored records: no earlier sync/);
    expect(await build(root, config)).toBeUndefined();
  });
});
