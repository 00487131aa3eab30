import { readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivedStage } from '../../src/stage/index.js';
import { sha256Hex } from '../../src/fs/index.js';
import { parseLedger } from '../../src/pipeline/output-ledger.js';
import { countingDeps, makeEdition, noCounts, renderedParts, titlesStage, treeBytes, type Edition, type WorkCounts } from './incremental-support.js';

let ed: Edition;
let counts: WorkCounts;
const build = (options: { tool?: string; publisher?: string; baseUrl?: string } = {}) => {
  counts = noCounts();
  return ed.build({
    deps: countingDeps(counts),
    ...(options.tool !== undefined ? { tool: options.tool } : {}),
    config: { ...(options.publisher !== undefined ? { publisher: options.publisher } : {}), ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) },
  });
};

beforeEach(async () => {
  ed = makeEdition();
  ed.page('a.txt', 'id: doc-a\nAlpha');
  ed.page('b.txt', 'id: doc-b\nBravo WARN');
  ed.page('c.txt', 'id: doc-c\nCharlie');
  await build();
});
afterEach(() => ed.dispose());

describe('incremental build', () => {
  it('redoes nothing when nothing changed, and reports the same findings as the run that did the work', async () => {
    const first = await build({});
    // Nothing is redone: not even read as pages (ids are settled from the claims the cache keeps).
    expect(counts).toEqual(noCounts());
    expect(first.documents.find((d) => d.documentId === 'doc-b')?.diagnostics.map((d) => d.code)).toEqual(['ingest/fake-warning', 'titles/warn']);
    expect(first.summary.written).toBe(0);
  });

  it('an edited source: only that document is encoded, validated and derived', async () => {
    ed.page('b.txt', 'id: doc-b\nBeta');
    await build();
    expect({ ...counts, ingest: [] }).toEqual({ ingest: [], encode: ['doc-b'], validate: ['tei/doc-b.xml'], derive: ['doc-b'] });
    expect(readFileSync(join(ed.config.outputDir, 'listing', 'doc-b.txt'), 'utf8')).toBe('Beta\n');
  });

  it('a deleted source: nothing is redone, its outputs go and the corpus files drop it', async () => {
    ed.remove('c.txt');
    // The TEI stays (it is the master) until it is removed too.
    await build();
    expect({ ...counts, ingest: [] }).toEqual(noCounts());
    const teiGone = join(ed.config.teiDir, 'doc-c.xml');
    renameSync(teiGone, join(ed.root, 'doc-c.xml.away'));
    await build();
    expect({ ...counts, ingest: [] }).toEqual(noCounts());
    expect(readFileSync(join(ed.config.outputDir, 'listing', 'index.txt'), 'utf8')).toBe('doc-a\ndoc-b\n');
    expect(treeBytes(ed.root, ['output']).has('output/listing/doc-c.txt')).toBe(false);
  });

  it('a renamed source: encoded again (its path is in the state), derived only if its TEI changed', async () => {
    ed.remove('a.txt');
    ed.page('renamed/a.txt', 'id: doc-a\nAlpha');
    await build();
    expect(counts.encode).toEqual(['doc-a']);
    expect(counts.derive).toEqual([]);
  });

  it('a hand-edited TEI file: only that document is validated and derived, from the edit', async () => {
    const tei = join(ed.config.teiDir, 'doc-a.xml');
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('Alpha', 'Alpha (edited)'));
    const report = await build();
    expect(counts.validate).toEqual(['tei/doc-a.xml']);
    expect(counts.derive).toEqual(['doc-a']);
    expect(report.summary.conflicts).toBe(1);
    expect(readFileSync(join(ed.config.outputDir, 'listing', 'doc-a.txt'), 'utf8')).toBe('Alpha (edited)\n');
  });

  it('a TEI setting re-encodes every document; a derive-only setting re-derives without re-encoding', async () => {
    await build({ publisher: 'Another publisher' });
    expect(counts.encode.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(counts.derive.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    await build({ publisher: 'Another publisher', baseUrl: 'https://example.org/edition' });
    expect(counts.encode).toEqual([]);
    expect(counts.derive.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(readFileSync(join(ed.config.outputDir, 'titles', 'doc-a.json'), 'utf8')).toContain('https://example.org/edition/iiif/doc-a/manifest.json');
  });

  it('a new tool version redoes everything', async () => {
    await build({ tool: 'tool-2' });
    expect(counts.encode.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(counts.derive.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
  });

  it("hands each stage the summary it gave for a document last run when it derives the document again", async () => {
    const seen = new Map<string, unknown>();
    const deps = countingDeps(noCounts());
    const recording: DerivedStage = {
      ...titlesStage,
      name: 'titles',
      document(doc, ctx) {
        seen.set(doc.cable.id, doc.previousSummary);
        return titlesStage.document(doc, ctx);
      },
    } as DerivedStage;
    const withRecording = { ...deps, stages: [deps.stages[0]!, recording] };
    // The first build of beforeEach kept every summary; a new tool version derives every document again.
    await ed.build({ deps: withRecording, tool: 'tool-2' });
    expect(Object.fromEntries(seen)).toEqual({ 'doc-a': { id: 'doc-a', title: 'Alpha' }, 'doc-b': { id: 'doc-b', title: 'Bravo WARN' }, 'doc-c': { id: 'doc-c', title: 'Charlie' } });
    // A new document has none.
    ed.page('d.txt', 'id: doc-d\nDelta');
    seen.clear();
    await ed.build({ deps: withRecording, tool: 'tool-2' });
    expect([...seen]).toEqual([['doc-d', undefined]]);
  });

  it('trusts a settled file by its stamp, and still sees an edit of the same size made later', async () => {
    const past = new Date(Date.now() - 60_000);
    const backdate = (dir: string): void => {
      for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
    };
    backdate(ed.config.sourcesDir);
    backdate(ed.config.teiDir);
    await build(); // checks by bytes and records the stamps
    expect({ ...counts, ingest: [] }).toEqual(noCounts());
    await build();
    expect({ ...counts, ingest: [] }).toEqual(noCounts());
    ed.page('a.txt', 'id: doc-a\nAlphA');
    const tei = join(ed.config.teiDir, 'doc-c.xml');
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('Charlie', 'CHARLIE'));
    const report = await build();
    // doc-c is encoded once more only to tell its hand edit from the build's own output.
    expect(counts.encode.sort()).toEqual(['doc-a', 'doc-c']);
    expect(counts.derive.sort()).toEqual(['doc-a', 'doc-c']);
    expect(report.summary.conflicts).toBe(1);
  });

  it('an output deleted by hand is made again', async () => {
    const out = join(ed.config.outputDir, 'listing', 'doc-a.txt');
    renameSync(out, join(ed.root, 'moved.txt'));
    await build();
    expect(counts.derive).toEqual(['doc-a']);
    expect(readFileSync(out, 'utf8')).toBe('Alpha\n');
  });

  it('a held-back document (invalid TEI) keeps its outputs and its corpus entries; fixed, it is derived again', async () => {
    const tei = join(ed.config.teiDir, 'doc-c.xml');
    const good = readFileSync(tei, 'utf8');
    const before = treeBytes(ed.root, ['output']);
    writeFileSync(tei, good.replace('<TEI>', '<TEI><broken/>'));
    ed.page('a.txt', 'id: doc-a\nAardvark');
    const report = await build();
    expect(report.documents.find((d) => d.documentId === 'doc-c')?.diagnostics.map((d) => d.code)).toContain('build/tei-invalid-held-back');
    const after = treeBytes(ed.root, ['output']);
    expect(after.get('output/listing/doc-c.txt')).toBe(before.get('output/listing/doc-c.txt'));
    expect(readFileSync(join(ed.config.outputDir, 'listing', 'index.txt'), 'utf8')).toBe('doc-a\ndoc-b\ndoc-c\n');
    // Still held back on the next run, and still listed.
    await build();
    expect(counts.validate).toEqual(['tei/doc-c.xml']);
    expect(readFileSync(join(ed.config.outputDir, 'listing', 'index.txt'), 'utf8')).toBe('doc-a\ndoc-b\ndoc-c\n');
    writeFileSync(tei, good);
    await build();
    expect(counts.derive).toEqual([]);
    expect(treeBytes(ed.root, ['output']).get('output/listing/doc-c.txt')).toBe(before.get('output/listing/doc-c.txt'));
    // The runs that held a document back wrote a ledger that was not exactly theirs; the ledger
    // patched by difference after them still lists every output as it is, and nothing else.
    ed.page('a.txt', 'id: doc-a\nAardwolf');
    await build();
    const ledger = parseLedger(readFileSync(join(ed.root, '.cablekit', 'outputs.sha256'), 'utf8'));
    const onDisk = new Map([...treeBytes(ed.root, ['output'])].map(([path, base64]) => [path.slice('output/'.length), sha256Hex(Buffer.from(base64, 'base64'))]));
    expect(ledger).toEqual(onDisk);
  });
});

describe('a stage of keyed corpus parts', () => {
  const rendered = async (change: () => void, options: Parameters<typeof build>[0] = {}): Promise<string[]> => {
    change();
    renderedParts.length = 0;
    await build(options);
    return [...renderedParts].sort();
  };
  const initial = (title: string): string => `initials/${title.charCodeAt(0)}.txt`;

  it('renders only the files whose key changed, keeps the rest, and makes a deleted one again', async () => {
    expect(readFileSync(join(ed.config.outputDir, initial('Bravo')), 'utf8')).toBe('doc-b Bravo WARN\n');
    expect(await rendered(() => undefined)).toEqual([]);
    // doc-b moves from B to Z: Z's file and the index of initials are made, B's goes; A and C are kept.
    expect(await rendered(() => ed.page('b.txt', 'id: doc-b\nZulu'))).toEqual([initial('Zulu'), 'initials/index.txt'].sort());
    expect(readdirSync(join(ed.config.outputDir, 'initials')).sort()).toEqual(['65.txt', '67.txt', '90.txt', 'index.txt']);
    // Same initial, another title: that file only.
    expect(await rendered(() => ed.page('a.txt', 'id: doc-a\nAnother'))).toEqual([initial('A')]);
    expect(readFileSync(join(ed.config.outputDir, initial('A')), 'utf8')).toBe('doc-a Another\n');
    expect(await rendered(() => rmSync(join(ed.config.outputDir, initial('Charlie'))))).toEqual([initial('Charlie')]);
    expect(readFileSync(join(ed.config.outputDir, initial('Charlie')), 'utf8')).toBe('doc-c Charlie\n');
  });

  it("reports a kept file's findings again, as the run that made it did", async () => {
    const codes = (r: Awaited<ReturnType<typeof build>>): string[] => r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('initials/'));
    renderedParts.length = 0;
    ed.page('c.txt', 'id: doc-c\nCarl');
    const made = await build();
    expect(renderedParts).toEqual(['initials/67.txt']);
    expect(codes(made)).toEqual(['initials/checked']);
    renderedParts.length = 0;
    ed.page('a.txt', 'id: doc-a\nAnother');
    const kept = await build();
    expect(renderedParts).toEqual(['initials/65.txt']);
    expect(codes(kept)).toEqual(['initials/checked']);
  });

  it('reports a file that fails to render as the stage failing, and still writes the others', async () => {
    const failing: DerivedStage<string> = {
      name: 'fragile',
      document: ({ cable }) => ({ files: [], diagnostics: [], summary: cable.id }),
      corpusParts: (ids) => ({
        parts: ids.map((id) => ({
          path: `fragile/${id}.txt`,
          key: id,
          render: () => {
            if (id === 'doc-b') throw new Error('a template fault');
            return { content: `${id}\n`, diagnostics: [] };
          },
        })),
        diagnostics: [],
      }),
    };
    const report = await ed.build({ deps: { ...countingDeps(noCounts()), stages: [failing as DerivedStage] } });
    expect(report.diagnostics.map((d) => d.code)).toContain('build/stage-failed');
    expect(readdirSync(join(ed.config.outputDir, 'fragile')).sort()).toEqual(['doc-a.txt', 'doc-c.txt']);
  });

  it('renders every file again when a setting or the tool changes', async () => {
    const all = ['initials/index.txt', initial('Alpha'), initial('Bravo'), initial('Charlie')].sort();
    expect(await rendered(() => undefined, { publisher: 'Another publisher' })).toEqual(all);
    expect(readFileSync(join(ed.config.outputDir, 'initials', 'index.txt'), 'utf8')).toMatch(/^Another publisher\n/);
    expect(await rendered(() => undefined, { publisher: 'Another publisher', tool: 'tool-2' })).toEqual(all);
  });
});

describe('a page whose settled id changes with its text', () => {
  const teiNames = (): string[] => readdirSync(ed.config.teiDir).filter((n) => n.endsWith('.xml')).sort();
  const codes = (report: Awaited<ReturnType<typeof build>>): string[] => report.documents.flatMap((d) => d.diagnostics.map((x) => x.code));

  beforeEach(async () => {
    // Two pages with different text claim one id: each takes a suffix from its text.
    ed.page('x1.txt', 'id: same\nFirst text');
    ed.page('x2.txt', 'id: same\nSecond text');
    await build();
  });

  it('retires the TEI the build wrote under the old id, so one page never stands for two documents', async () => {
    const before = teiNames().filter((n) => n.startsWith('same-'));
    expect(before).toHaveLength(2);
    ed.page('x1.txt', 'id: same\nFirst text, corrected');
    const report = await build();
    const after = teiNames().filter((n) => n.startsWith('same-'));
    expect(after).toHaveLength(2);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
    expect(codes(report)).toContain('build/tei-superseded');
  });

  it('keeps that TEI when a person edited it, and says so', async () => {
    const [old] = teiNames().filter((n) => n.startsWith('same-'));
    const file = join(ed.config.teiDir, old as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace('</TEI>', '<!-- checked --></TEI>'));
    // Whichever page the edited file belongs to, change both: both get new ids.
    ed.page('x1.txt', 'id: same\nFirst text, corrected');
    ed.page('x2.txt', 'id: same\nSecond text, corrected');
    const report = await build();
    expect(teiNames()).toContain(old);
    expect(codes(report)).toContain('build/tei-superseded-kept');
    expect(codes(report)).toContain('build/tei-superseded');
  });
});
