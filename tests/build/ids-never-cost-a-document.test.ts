import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pipelineDeps } from '../../src/cli/pipeline-deps.js';
import { DEFAULT_CONFIG, type CablekitConfig } from '../../src/config/config.js';
import { runBuild, type BuildReport } from '../../src/pipeline/index.js';
import { officialSchema } from '../support/official-schemas.js';
import { requireProgram } from '../support/programs.js';
import { COLLIDING_PAGES, COPIED_PAGE, pageFiles } from './colliding-ids.js';
import { PAGES_DIR, SEEDS, SOURCES_DIR, fixtureNames } from '../ingest/helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** Builds the given pages with the real format modules (TEI only: the derived stages are not what is tested). */
async function buildPages(files: { name: string; text: string }[]): Promise<{ root: string; config: CablekitConfig; report: BuildReport }> {
  const root = mkdtempSync(join(tmpdir(), 'cablekit-ids-'));
  roots.push(root);
  const config = { ...DEFAULT_CONFIG, sourcesDir: join(root, 'sources'), teiDir: join(root, 'tei'), outputDir: join(root, 'output') };
  mkdirSync(config.sourcesDir);
  for (const f of files) writeFileSync(join(config.sourcesDir, f.name), f.text);
  const deps = { ...pipelineDeps(), stages: [] };
  delete deps.syncOaiStore;
  const report = await runBuild({ config, rootDir: root, deps, now: '2026-01-01T00:00:00Z' });
  return { root, config, report };
}

/** Document id per text key, read from the report (the key of each file is known to the test). */
function idsByKey(report: BuildReport, files: { name: string; key: string }[]): Map<string, (string | null)[]> {
  const out = new Map<string, (string | null)[]>();
  for (const f of files) {
    const doc = report.documents.find((d) => d.sourcePath === `sources/${f.name}`);
    out.set(f.key, [...(out.get(f.key) ?? []), doc?.documentId ?? null]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}

const codes = (report: BuildReport): string[] => report.documents.flatMap((d) => d.diagnostics.map((x) => x.code));

describe('ids never cost a document (end to end through the build)', { timeout: 120_000 }, () => {
  it('writes every distinct page under its own id, the same ids in either file order', async () => {
    const distinct = Object.keys(COLLIDING_PAGES).length;
    const results = [];
    for (const reversed of [false, true]) {
      const files = pageFiles(reversed);
      const built = await buildPages(files);
      results.push({ files, ...built, ids: idsByKey(built.report, files) });
    }
    for (const { report, config, ids } of results) {
      expect(report.summary).toMatchObject({ documents: distinct + 1, failed: 0, errors: 0 });
      expect(codes(report)).not.toContain('build/duplicate-id');
      const written = readdirSync(config.teiDir).filter((n) => n.endsWith('.xml')).sort();
      const keptIds = [...ids.values()].map((list) => list.find((id) => id !== null));
      expect(written).toEqual(keptIds.map((id) => `${id}.xml`).sort());
      expect(new Set(keptIds).size).toBe(distinct);
      // The copy: one file, one duplicate warning, the other file's report has no id.
      expect(ids.get(COPIED_PAGE)?.filter((id) => id === null)).toHaveLength(1);
      expect(codes(report).filter((c) => c === 'ingest/duplicate-page')).toHaveLength(1);
      // Weak sources carry their text's suffix; the record-id pair is disambiguated and reported.
      for (const key of ['cwihp-september', 'cwihp-cancelled']) expect(ids.get(key)?.at(-1)).toMatch(/^report-on-the-student-exchange-.*-[0-9a-f]{8}$/);
      for (const key of ['folder-twenty', 'folder-thirty']) expect(ids.get(key)?.[0]).toMatch(/^amae-folder-782-1957-[0-9a-f]{8}$/);
      for (const key of ['record-pier', 'record-engineers']) expect(ids.get(key)?.[0]).toMatch(/^wilson-300202-[0-9a-f]{8}$/);
      expect(codes(report).filter((c) => c === 'ingest/id-collision')).toHaveLength(2);
    }
    const [forward, backward] = results;
    expect([...backward!.ids.entries()].sort()).toEqual([...forward!.ids.entries()].sort());
  });

  it('records the suffix in the TEI, valid against tei_all and the project schema (jing)', async () => {
    const jing = requireProgram('jing', 'jing');
    const { config } = await buildPages(pageFiles(false));
    const files = readdirSync(config.teiDir).filter((n) => n.endsWith('.xml')).map((n) => join(config.teiDir, n));
    const record = readFileSync(files.find((f) => f.includes('wilson-300202-'))!, 'utf8');
    expect(record).toMatch(/<idno type="document" subtype="record-id" ana="#(ck-inf-\d+)">wilson-300202-[0-9a-f]{8}<\/idno>/);
    const ana = /subtype="record-id" ana="#(ck-inf-\d+)"/.exec(record)![1]!;
    expect(record).toMatch(new RegExp(`<category xml:id="${ana}">\\s*<catDesc>suffix: [^<]*another page with different text claims the same id</catDesc>`));
    const slug = readFileSync(files.find((f) => f.includes('report-on-the-student-exchange-'))!, 'utf8');
    expect(slug).toMatch(/<idno type="document" subtype="slug" ana="#ck-inf-\d+">/);
    for (const schema of [officialSchema('tei_all.rng'), join(import.meta.dirname, '../../schemas/cable-tei.rng')]) {
      const run = spawnSync(jing, [schema, ...files], { encoding: 'utf8' });
      // jing prints validation errors on stdout (its Debian wrapper warns about optional jars on stderr).
      expect(run.stdout).toBe('');
      expect(run.status).toBe(0);
    }
  });

  it('keeps every id when unrelated pages, and a third page on the shared record id, are added', async () => {
    const files = pageFiles(false);
    const before = idsByKey((await buildPages(files)).report, files);
    const extra = [
      ...files,
      { name: 'zz-unrelated.txt', key: 'unrelated', text: COLLIDING_PAGES['cwihp-cancelled']!.replace('cancelled', 'postponed') },
      { name: 'aa-third.txt', key: 'third', text: COLLIDING_PAGES['record-pier']!.replace('northern pier', 'southern dock') },
    ];
    const after = idsByKey((await buildPages(extra)).report, extra);
    for (const [key, ids] of before) expect(after.get(key)).toEqual(ids);
    expect(after.get('third')?.[0]).toMatch(/^wilson-300202-[0-9a-f]{8}$/);
  });

  it('drops no page of the fixtures and seeds built together', async () => {
    const files = [
      ...fixtureNames().map((f) => ({ name: `fixture-${f}`, text: readFileSync(PAGES_DIR + f, 'utf8') })),
      ...SEEDS.map((f) => ({ name: `seed-${f}`, text: readFileSync(SOURCES_DIR + f, 'utf8') })),
    ];
    const { report, config } = await buildPages(files);
    expect(report.summary).toMatchObject({ documents: files.length, failed: 0 });
    const written = readdirSync(config.teiDir).filter((n) => n.endsWith('.xml'));
    const copies = codes(report).filter((c) => c === 'ingest/duplicate-page').length;
    expect(written).toHaveLength(files.length - copies);
    for (const doc of report.documents) if (doc.documentId !== null) expect(written).toContain(`${doc.documentId}.xml`);
  });
});
