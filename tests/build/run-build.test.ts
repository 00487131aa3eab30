import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type CablekitConfig } from '../../src/config/config.js';
import { runBuild, STATE_FILE_NAME, type BuildReport } from '../../src/pipeline/index.js';
import { fakeDeps, listingStage } from './fake-deps.js';

let root: string;
let config: CablekitConfig;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cablekit-build-'));
  config = { ...DEFAULT_CONFIG, sourcesDir: join(root, 'sources'), teiDir: join(root, 'tei'), outputDir: join(root, 'output') };
  mkdirSync(config.sourcesDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (name: string, text: string): void => writeFileSync(join(config.sourcesDir, name), text);
const build = (options: { force?: boolean; now?: string } = {}): Promise<BuildReport> =>
  runBuild({ config, rootDir: root, deps: fakeDeps([listingStage]), now: options.now ?? '2026-01-01T00:00:00Z', force: options.force ?? false });

/** Every file under the root with its bytes and mtime, to prove a re-run touched nothing. */
function snapshot(): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const stat = statSync(full, { bigint: true });
      if (stat.isDirectory()) visit(full);
      else result.set(relative(root, full), `${stat.mtimeNs}:${readFileSync(full, 'base64')}`);
    }
  };
  visit(root);
  return result;
}

describe('runBuild', () => {
  it('builds TEI and derived outputs, and a second run changes no file even at a later time', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    const first = await build();
    expect(first.summary).toMatchObject({ documents: 2, failed: 0, errors: 0, conflicts: 0 });
    expect(readFileSync(join(config.teiDir, 'doc-a.xml'), 'utf8')).toContain('when="2026-01-01T00:00:00Z"');
    expect(readFileSync(join(config.outputDir, 'listing', 'index.txt'), 'utf8')).toBe('doc-a\ndoc-b\n');
    const docA = first.documents.find((d) => d.documentId === 'doc-a');
    expect(docA).toMatchObject({ sourcePath: 'sources/a.txt', teiPath: 'tei/doc-a.xml', status: 'ok' });
    expect(docA?.outputs).toEqual([
      { path: 'tei/doc-a.xml', action: 'written' },
      { path: 'output/listing/doc-a.txt', action: 'written' },
    ]);

    const before = snapshot();
    const second = await build({ now: '2027-06-01T00:00:00Z' });
    expect(snapshot()).toEqual(before);
    expect(second.summary.written).toBe(0);
    expect(second.summary.unchanged).toBe(first.summary.written);
  });

  it('remakes a kept document\'s output deleted by hand, and every output when the output folder is gone', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    await build();
    rmSync(join(config.outputDir, 'listing', 'doc-b.txt'));
    const second = await build();
    expect(readFileSync(join(config.outputDir, 'listing', 'doc-b.txt'), 'utf8')).toContain('Second');
    expect(second.documents.find((d) => d.documentId === 'doc-a')?.outputs).toEqual([
      { path: 'tei/doc-a.xml', action: 'unchanged' },
      { path: 'output/listing/doc-a.txt', action: 'unchanged' },
    ]);
    expect(second.documents.find((d) => d.documentId === 'doc-b')?.outputs).toContainEqual({ path: 'output/listing/doc-b.txt', action: 'written' });
    rmSync(config.outputDir, { recursive: true });
    const third = await build();
    expect(readdirSync(join(config.outputDir, 'listing')).sort()).toEqual(['doc-a.txt', 'doc-b.txt', 'index.txt']);
    expect(third.summary.written).toBe(3);
  });

  it('trusts an output folder untouched since the last build ended, and still sees a file removed from it whatever its time says', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    page('c.txt', 'id: doc-c\nThird');
    await build();
    // Folder times within the clock's granularity of the record are not trusted: let them settle,
    // and have them recorded again (a build that changes nothing keeps the record as it is).
    await new Promise((done) => setTimeout(done, 2100));
    rmSync(join(root, '.cablekit', 'output-folders.json'));
    await build();
    const record = JSON.parse(readFileSync(join(root, '.cablekit', 'output-folders.json'), 'utf8')) as { folders: Record<string, string> };
    expect(Object.keys(record.folders).sort()).toEqual(['listing']);
    const listing = join(config.outputDir, 'listing');
    const times = join(root, 'listing-times');
    execFileSync('touch', ['-r', listing, times]);
    rmSync(join(listing, 'doc-b.txt'));
    // Its modification time set back to the nanosecond, as rsync or tar would: the change time still tells.
    execFileSync('touch', ['-r', times, listing]);
    expect(statSync(listing, { bigint: true }).mtimeNs).toBe(statSync(times, { bigint: true }).mtimeNs);
    const report = await build();
    expect(readFileSync(join(listing, 'doc-b.txt'), 'utf8')).toContain('Second');
    expect(report.summary.written).toBe(1);
    rmSync(join(listing, 'doc-c.txt'));
    await build();
    expect(readdirSync(listing).sort()).toEqual(['doc-a.txt', 'doc-b.txt', 'doc-c.txt', 'index.txt']);
  });

  it('re-encodes a document whose source changed, with a new revision time', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    page('a.txt', 'id: doc-a\nFirst, corrected');
    const report = await build({ now: '2026-02-02T00:00:00Z' });
    const tei = readFileSync(join(config.teiDir, 'doc-a.xml'), 'utf8');
    expect(tei).toContain('First, corrected');
    expect(tei).toContain('when="2026-02-02T00:00:00Z"');
    expect(report.documents[0]?.outputs[0]).toEqual({ path: 'tei/doc-a.xml', action: 'written' });
  });

  it('counts kept outputs without listing them when asked (the command without --report), with the same summary', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    await build();
    page('b.txt', 'id: doc-b\nSecond, corrected');
    const listed = await build({ now: '2026-02-02T00:00:00Z' });
    page('b.txt', 'id: doc-b\nSecond, corrected again');
    const counted = await runBuild({ config, rootDir: root, deps: fakeDeps([listingStage]), now: '2026-03-03T00:00:00Z', listKeptOutputs: false });
    const keptOutputs = (r: BuildReport) => r.documents.find((d) => d.documentId === 'doc-a')?.outputs.filter((o) => o.path.startsWith('output/'));
    expect(keptOutputs(listed)).toEqual([{ path: 'output/listing/doc-a.txt', action: 'unchanged' }]);
    expect(keptOutputs(counted)).toEqual([]);
    expect({ ...counted.summary, seconds: 0 }).toEqual({ ...listed.summary, seconds: 0 });
    expect(counted.summary.unchanged).toBeGreaterThan(1);
  });

  it('reads a page to encode again rather than holding every cable, and refuses one that changed in between', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    // Ingest rewrites b.txt the first time it reads it: the read before encoding sees other bytes.
    const deps = fakeDeps([listingStage]);
    const reads = new Map<string, number>();
    const ingest = deps.ingest;
    deps.ingest = (bytes, path, options) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      if (path === 'b.txt' && reads.get(path) === 1) page('b.txt', 'id: doc-b\nSecond, edited during the build');
      return ingest(bytes, path, options);
    };
    const report = await runBuild({ config, rootDir: root, deps, now: '2026-01-01T00:00:00Z' });
    // Each page was read twice: once to settle ids, once, in the window, to encode.
    expect(Object.fromEntries(reads)).toEqual({ 'a.txt': 2, 'b.txt': 2 });
    const b = report.documents.find((d) => d.sourcePath === 'sources/b.txt');
    expect(b?.diagnostics.map((d) => d.code)).toContain('build/source-changed-during-build');
    expect(existsSync(join(config.teiDir, 'doc-b.xml'))).toBe(false);
    expect(readFileSync(join(config.teiDir, 'doc-a.xml'), 'utf8')).toContain('First');
    expect(report.summary.errors).toBeGreaterThan(0);
    // The next build reads the page as it now is.
    const again = await build();
    expect(again.summary.errors).toBe(0);
    expect(readFileSync(join(config.teiDir, 'doc-b.xml'), 'utf8')).toContain('edited during the build');
  });

  it('keeps a hand-edited TEI file, reports the conflict, derives from the edit; --force overwrites', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    const teiFile = join(config.teiDir, 'doc-a.xml');
    const edited = readFileSync(teiFile, 'utf8').replace('First', 'First (edited by hand)');
    writeFileSync(teiFile, edited);

    const kept = await build();
    expect(readFileSync(teiFile, 'utf8')).toBe(edited);
    expect(kept.summary.conflicts).toBe(1);
    const doc = kept.documents[0];
    expect(doc?.status).toBe('warnings');
    expect(doc?.diagnostics.map((d) => d.code)).toContain('build/tei-hand-edited');
    expect(readFileSync(join(config.outputDir, 'listing', 'doc-a.txt'), 'utf8')).toBe('First (edited by hand)\n');

    expect(doc?.diagnostics.map((d) => d.code)).not.toContain('build/tei-source-changed');

    // Still protected on the next run, even after the source changed — and the change is reported,
    // on that run and the next, with the file and how to take it.
    page('a.txt', 'id: doc-a\nFirst, new source');
    for (let run = 0; run < 2; run++) {
      const changed = await build();
      expect(changed.summary.conflicts).toBe(1);
      expect(readFileSync(teiFile, 'utf8')).toBe(edited);
      const warning = changed.documents[0]?.diagnostics.find((d) => d.code === 'build/tei-source-changed');
      expect(warning).toMatchObject({ severity: 'warning', file: 'tei/doc-a.xml' });
      expect(warning?.message).toContain('sources/a.txt');
      expect(warning?.hint).toMatch(/--force/);
    }

    const forced = await build({ force: true });
    expect(readFileSync(teiFile, 'utf8')).toContain('First, new source');
    expect(forced.documents[0]?.diagnostics.map((d) => d.code)).toContain('build/tei-hand-edit-overwritten');
    expect((await build()).summary.conflicts).toBe(0);
  });

  it('says when it replaces a derived output that was changed by hand, and only then', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    const output = join(config.outputDir, 'listing', 'doc-a.txt');
    writeFileSync(output, 'changed by hand\n');
    page('a.txt', 'id: doc-a\nFirst, corrected');
    const replaced = await build();
    expect(readFileSync(output, 'utf8')).toBe('First, corrected\n');
    expect(replaced.diagnostics.filter((d) => d.code === 'build/output-edit-replaced')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'output/listing/doc-a.txt' }),
    ]);
    page('a.txt', 'id: doc-a\nFirst, corrected again');
    expect((await build()).diagnostics.map((d) => d.code)).not.toContain('build/output-edit-replaced');
  });

  it('reports a damaged outputs ledger, as it does a damaged build state, and writes it anew', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    const ledger = join(root, '.cablekit', 'outputs.sha256');
    writeFileSync(ledger, '0123 listing/doc-a.txt\n');
    const report = await build();
    expect(report.diagnostics.filter((d) => d.code === 'build/ledger-unreadable')).toEqual([
      expect.objectContaining({ severity: 'warning', file: '.cablekit/outputs.sha256' }),
    ]);
    expect(readFileSync(ledger, 'utf8')).toMatch(/^[0-9a-f]{64} {2}listing\/doc-a\.txt$/m);
    expect((await build()).diagnostics.map((d) => d.code)).not.toContain('build/ledger-unreadable');
  });

  it('takes in the JSON ledger of an earlier version: what it lists and no build makes any more is removed, and it gives way to the new one', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    await build();
    const ledger = join(root, '.cablekit', 'outputs.sha256');
    const legacy = join(root, '.cablekit', 'outputs.json');
    // The ledger as an earlier cablekit wrote it: a JSON object of the same entries.
    const entries = Object.fromEntries(readFileSync(ledger, 'utf8').trim().split('\n').map((line) => [line.slice(66), line.slice(0, 64)]));
    expect(Object.keys(entries)).toContain('listing/doc-b.txt');
    writeFileSync(legacy, `${JSON.stringify(entries, null, 2)}\n`);
    rmSync(ledger);
    rmSync(join(config.sourcesDir, 'b.txt'));
    rmSync(join(config.teiDir, 'doc-b.xml'));
    await build();
    expect(existsSync(join(config.outputDir, 'listing', 'doc-b.txt'))).toBe(false);
    expect(existsSync(join(config.outputDir, 'listing', 'doc-a.txt'))).toBe(true);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(ledger, 'utf8')).toMatch(/ {2}listing\/doc-a\.txt$/m);
    expect(readFileSync(ledger, 'utf8')).not.toMatch(/doc-b/);
  });

  it('says when the JSON cache of an earlier version is damaged, and does all the work again', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    rmSync(join(root, '.cablekit', 'build-cache.sqlite'));
    writeFileSync(join(root, '.cablekit', 'documents.json'), '{"formatVersion":1,"sources":');
    const report = await build();
    expect(report.diagnostics.filter((d) => d.code === 'build/cache-unreadable')).toEqual([
      expect.objectContaining({ severity: 'warning', file: '.cablekit/documents.json' }),
    ]);
    expect((await build()).diagnostics.map((d) => d.code)).not.toContain('build/cache-unreadable');
  });

  it('says when the build cache is damaged, and does all the work again', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    writeFileSync(join(root, '.cablekit', 'build-cache.sqlite'), 'SQLite format 3\0 and then nothing a database holds');
    const report = await build();
    expect(report.diagnostics.filter((d) => d.code === 'build/cache-unreadable')).toEqual([
      expect.objectContaining({ severity: 'warning', file: '.cablekit/build-cache.sqlite' }),
    ]);
    expect(report.summary.errors).toBe(0);
    expect((await build()).diagnostics.map((d) => d.code)).not.toContain('build/cache-unreadable');
  });

  it('recognises its own TEI when the state file was lost', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    await build();
    rmSync(join(config.teiDir, STATE_FILE_NAME));
    const before = readFileSync(join(config.teiDir, 'doc-a.xml'));
    const report = await build({ now: '2030-01-01T00:00:00Z' });
    expect(report.summary.conflicts).toBe(0);
    expect(readFileSync(join(config.teiDir, 'doc-a.xml'))).toEqual(before);
  });

  it('goes on with the batch when pages fail, and reports each failure', async () => {
    page('a.txt', 'id: doc-a\nFine WARN');
    page('b.txt', 'not a page at all');
    page('c.txt', 'id: doc-c\nCRASH');
    page('d.txt', 'id: doc-a\nsame id as a');
    page('e.txt', 'x'.repeat(2000));
    page('f.txt', 'id: doc-f\nAlso fine');
    const report = await build();
    const byPath = new Map(report.documents.map((d) => [d.sourcePath, d]));
    expect(byPath.get('sources/a.txt')?.status).toBe('warnings');
    expect(byPath.get('sources/b.txt')?.diagnostics.map((d) => d.code)).toEqual(['ingest/not-a-page']);
    expect(byPath.get('sources/b.txt')?.diagnostics[0]?.file).toBe('sources/b.txt');
    expect(byPath.get('sources/c.txt')?.diagnostics.map((d) => d.code)).toEqual(['build/internal-error']);
    // d claims a's id with other text: neither is dropped, both take a suffix of their text's checksum.
    expect(byPath.get('sources/d.txt')?.diagnostics.map((d) => d.code)).toEqual(['ingest/id-collision']);
    expect(byPath.get('sources/e.txt')?.diagnostics.map((d) => d.code)).toEqual(['build/source-too-large']);
    expect(byPath.get('sources/f.txt')?.status).toBe('ok');
    expect(report.summary).toMatchObject({ documents: 6, failed: 3, errors: 3 });
    const written = readdirSync(config.teiDir).sort();
    expect(written).toHaveLength(4);
    expect(written.filter((f) => /^doc-a-[0-9a-f]{8}\.xml$/.test(f))).toHaveLength(2);
  });

  it('decodes TEI files that have no source, and reports undecodable ones', async () => {
    mkdirSync(config.teiDir);
    writeFileSync(join(config.teiDir, 'orphan.xml'), '<TEI><id>orphan</id><title>Only TEI</title></TEI>');
    writeFileSync(join(config.teiDir, 'broken.xml'), '<TEI>no id</TEI>');
    const report = await build();
    expect(readFileSync(join(config.outputDir, 'listing', 'orphan.txt'), 'utf8')).toBe('Only TEI\n');
    const broken = report.documents.find((d) => d.documentId === 'broken');
    expect(broken).toMatchObject({ sourcePath: null, teiPath: 'tei/broken.xml', status: 'failed' });
  });

  it('refuses stage output outside the output folder and survives a crashing stage', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    const report = await runBuild({
      config,
      rootDir: root,
      now: '2026-01-01T00:00:00Z',
      deps: fakeDeps([
        { name: 'escaping', document: () => ({ files: [{ path: '../sources/evil.txt', content: 'x' }], diagnostics: [] }) },
        { name: 'crashing', document: () => { throw new Error('boom'); } },
        listingStage,
      ]),
    });
    expect(report.diagnostics.map((d) => d.code)).toEqual(['build/unsafe-output-path', 'build/stage-failed']);
    expect(readdirSync(config.sourcesDir)).toEqual(['a.txt']);
    expect(readFileSync(join(config.outputDir, 'listing', 'doc-a.txt'), 'utf8')).toBe('First\n');
  });

  it('hands the record of every decoded cable to the OAI store sync, and survives its failure', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    const seen: string[] = [];
    const deps = fakeDeps([listingStage]);
    deps.oaiRecordOf = (decoded) => ({ id: decoded.cable.id, hash: decoded.teiSha256 });
    deps.syncOaiStore = async (records) => {
      seen.push(...records.map((r) => `${r.draft.id}@${r.file}`));
      return { diagnostics: [{ code: 'oai/store-synced', severity: 'info', message: 'synced' }] };
    };
    const report = await runBuild({ config, rootDir: root, deps, now: '2026-01-01T00:00:00Z' });
    expect(seen).toEqual(['doc-a@tei/doc-a.xml']);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['oai/store-synced']);

    deps.syncOaiStore = async () => {
      throw new Error('disk full');
    };
    page('a.txt', 'id: doc-a\nFirst, corrected');
    const failed = await runBuild({ config, rootDir: root, deps, now: '2026-01-01T00:00:00Z' });
    expect(failed.diagnostics).toEqual([expect.objectContaining({ code: 'build/oai-sync-failed', severity: 'error' })]);
  });

  it('removes outputs of a document that left the corpus, but not files someone changed, nor after a failed stage', async () => {
    page('a.txt', 'id: doc-a\nFirst');
    page('b.txt', 'id: doc-b\nSecond');
    page('c.txt', 'id: doc-c\nThird');
    await build();
    for (const id of ['doc-b', 'doc-c']) {
      rmSync(join(config.sourcesDir, `${id.slice(-1)}.txt`));
      rmSync(join(config.teiDir, `${id}.xml`));
    }
    writeFileSync(join(config.outputDir, 'listing', 'doc-c.txt'), 'annotated by hand\n');

    // A crashing stage means its files were not produced on purpose: nothing is removed.
    const crashing = { name: 'crashing', document: () => { throw new Error('boom'); } };
    await runBuild({ config, rootDir: root, now: '2026-01-01T00:00:00Z', deps: fakeDeps([listingStage, crashing]) });
    expect(readdirSync(join(config.outputDir, 'listing')).sort()).toEqual(['doc-a.txt', 'doc-b.txt', 'doc-c.txt', 'index.txt']);

    const report = await build();
    expect(readdirSync(join(config.outputDir, 'listing')).sort()).toEqual(['doc-a.txt', 'doc-c.txt', 'index.txt']);
    expect(report.collectionOutputs).toContainEqual({ path: 'output/listing/doc-b.txt', action: 'deleted' });
    expect(report.summary.removed).toBe(1);
    expect((await build()).summary.removed).toBe(0);
  });
});
