import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, listTree, makeEdition, runCli, snapshotTree } from './cli-harness.js';

interface ReportDocument {
  sourcePath: string | null;
  documentId: string | null;
  teiPath: string | null;
  status: string;
  diagnostics: { code: string; severity: string; file?: string }[];
  outputs: { path: string; action: string }[];
}
interface Report {
  summary: { documents: number; failed: number; written: number; unchanged: number; conflicts: number; errors: number };
  documents: ReportDocument[];
}

const editions: string[] = [];
const edition = (): string => {
  const dir = makeEdition();
  editions.push(dir);
  return dir;
};
const readReport = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
const teiFiles = (dir: string): string[] => readdirSync(join(dir, 'tei')).filter((n) => n.endsWith('.xml')).sort();

beforeAll(assertCliBuilt);
afterEach(() => {
  for (const dir of editions.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each test runs the real CLI several times; on a loaded two-core machine that can take a while.
describe('cablekit build (end to end)', { timeout: 180_000 }, () => {
  it('builds the sample edition, writes a report and a summary line, exit 0', () => {
    const dir = edition();
    const result = runCli(['build', '--report', 'report.json', '--no-progress'], dir);
    expect(result.stderr).toMatch(/Built 2 documents \(\d+ warnings?, 0 errors\) — wrote \d+ files?, \d+ unchanged, 0 conflicts — in \d+\.\d+ s/);
    expect(result.status).toBe(0);
    expect(teiFiles(dir)).toHaveLength(2);

    const report = readReport(dir);
    expect(report.summary).toMatchObject({ documents: 2, failed: 0, errors: 0, conflicts: 0 });
    for (const doc of report.documents) {
      expect(doc.sourcePath).toMatch(/^sources\/00[01]_[0-9a-f]+\.txt$/);
      expect(doc.documentId).toBeTruthy();
      expect(doc.teiPath).toBe(`tei/${doc.documentId}.xml`);
      expect(doc.status).not.toBe('failed');
      expect(doc.outputs).toContainEqual({ path: doc.teiPath, action: 'written' });
      expect(readFileSync(join(dir, doc.teiPath as string), 'utf8')).toContain('http://www.tei-c.org/ns/1.0');
    }
    // Atomic writes leave no temporary files behind (they would carry a suffix after the extension).
    expect(listTree(dir).filter((p) => !/\.(txt|xml|json|lock|html|css|js|bib|ris|sqlite|svg|sha256)$/.test(p) && !p.includes('/pagefind/'))).toEqual([]);
  });

  it('changes no file on a second run (bytes and mtimes)', () => {
    const dir = edition();
    expect(runCli(['build', '--no-progress'], dir).status).toBe(0);
    const before = snapshotTree(dir);
    const again = runCli(['build', '--no-progress'], dir, { SOURCE_DATE_EPOCH: '2000000000' });
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/wrote 0 files/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps a hand-edited TEI file and reports it; --force overwrites it', () => {
    const dir = edition();
    expect(runCli(['build', '--no-progress'], dir).status).toBe(0);
    const [first] = teiFiles(dir);
    const teiFile = join(dir, 'tei', first as string);
    const original = readFileSync(teiFile, 'utf8');
    const edited = original.replace('</TEI>', '<!-- checked against the archive copy by an editor --></TEI>');
    expect(edited).not.toBe(original);
    writeFileSync(teiFile, edited);

    const kept = runCli(['build', '--report', 'report.json', '--no-progress'], dir);
    expect(kept.status).toBe(0);
    expect(readFileSync(teiFile, 'utf8')).toBe(edited);
    expect(kept.stderr).toContain(`tei/${first} warning build/tei-hand-edited`);
    expect(kept.stderr).toMatch(/1 conflict /);
    const doc = readReport(dir).documents.find((d) => d.teiPath === `tei/${first}`);
    expect(doc?.outputs).toContainEqual({ path: `tei/${first}`, action: 'kept-hand-edit' });

    const forced = runCli(['build', '--force', '--no-progress'], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(teiFile, 'utf8')).not.toContain('checked against the archive copy');
    expect(runCli(['build', '--no-progress'], dir).stderr).toMatch(/0 conflicts/);
  });

  it('goes on when pages in the batch are bad, exit 1, with each failure in the report', () => {
    const dir = edition();
    writeFileSync(join(dir, 'sources', 'empty.txt'), '');
    writeFileSync(join(dir, 'sources', 'binary.txt'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, 'sources', 'grocery-list.txt'), 'eggs\nmilk\nbread\n');
    writeFileSync(join(dir, 'sources', 'huge.txt'), 'x'.repeat(10 * 1024 * 1024));
    const result = runCli(['build', '--report', 'report.json', '--no-progress', '--quiet'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // --quiet: the errors are printed, the warnings only counted.
    expect(result.stderr).toMatch(/^sources\/empty\.txt\S* error /m);
    expect(result.stderr).not.toMatch(/ warning /);
    const report = readReport(dir);
    const byPath = new Map(report.documents.map((d) => [d.sourcePath, d]));
    for (const bad of ['sources/empty.txt', 'sources/binary.txt', 'sources/huge.txt']) {
      expect(byPath.get(bad)?.status).toBe('failed');
      expect(byPath.get(bad)?.diagnostics.some((d) => d.severity === 'error' && d.file === bad)).toBe(true);
    }
    // The seeds were still built.
    expect(report.documents.filter((d) => d.sourcePath?.startsWith('sources/00') && d.status !== 'failed')).toHaveLength(2);
    expect(teiFiles(dir).length).toBeGreaterThanOrEqual(2);
  });

  it('validates the TEI it wrote: exit 0; a broken TEI file: exit 1 with file:line:col', () => {
    const dir = edition();
    expect(runCli(['build', '--no-progress'], dir).status).toBe(0);
    const ok = runCli(['validate', 'tei'], dir);
    expect(ok.stderr).toMatch(/Validated 2 files: 0 failed/);
    expect(ok.status).toBe(0);
    // Without paths: the TEI folder and the IIIF and Dublin Core outputs of the edition.
    const all = runCli(['validate'], dir);
    expect(all.stderr).toMatch(/Validated \d+ files: 0 failed/);
    expect(all.status).toBe(0);

    writeFileSync(join(dir, 'tei', 'broken.xml'), '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n');
    const bad = runCli(['validate', 'tei/broken.xml'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^tei\/broken\.xml:\d+:\d+ error \S+ /m);
  });

  it('ingest prints the model as JSON and exits 1 when a page fails', () => {
    const dir = edition();
    const good = runCli(['ingest', '--json', 'sources'], dir);
    expect(good.status).toBe(0);
    const outcomes = JSON.parse(good.stdout) as { path: string; documentId: string; cable: { id: string } }[];
    expect(outcomes).toHaveLength(2);
    expect(outcomes.every((o) => o.cable.id === o.documentId)).toBe(true);

    writeFileSync(join(dir, 'empty.txt'), '');
    const bad = runCli(['ingest', 'empty.txt', 'sources'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^empty\.txt\S* error /m);
    expect(existsSync(join(dir, 'tei'))).toBe(false);
  });

  it('refuses to run while another build of the same edition is running (exit 2)', () => {
    const dir = edition();
    mkdirSync(join(dir, '.cablekit'));
    // The test runner's parent process stands in for a build that is still running.
    writeFileSync(join(dir, '.cablekit', 'build.lock'), `${process.ppid}\n`);
    const result = runCli(['build', '--no-progress'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`another cablekit build of this edition is running (process ${process.ppid})`);
    expect(existsSync(join(dir, 'tei'))).toBe(false);
  });
});
