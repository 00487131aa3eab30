import { describe, expect, it } from 'vitest';
import { ingestBytes, ingestText, MAX_PAGE_BYTES } from '../../src/ingest/index.js';
import { codes, withCode } from './helpers.js';

const enc = new TextEncoder();
const PAGE = 'October 29, 1965\n\nA Title\n\nThe text of the page.\n\nA summary.\n\nDocument Information\n\nPRC FMA 106-01479-08, 85-88.\n';

function expectFullDiagnostic(d: { code: string; severity: string; message: string; hint?: string; file?: string }): void {
  expect(d.message.length).toBeGreaterThan(10);
  expect(d.hint?.length ?? 0).toBeGreaterThan(10);
  expect(d.file).toBe('p.txt');
}

describe('bad input gets a diagnostic, never a crash', () => {
  it('empty file', () => {
    const r = ingestBytes(new Uint8Array(), 'p.txt');
    expect(r.cable).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['ingest/empty-file']);
    expectFullDiagnostic(r.diagnostics[0]!);
    expect(r.diagnostics[0]!.line).toBe(1);
    expect(codes(ingestText('', 'p.txt').diagnostics)).toEqual(['ingest/empty-file']);
  });

  it('whitespace only, including NBSP lines', () => {
    const r = ingestBytes(enc.encode('  \n\t\n\u00a0\u00a0\n\n'), 'p.txt');
    expect(r.cable).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['ingest/blank-file']);
    expectFullDiagnostic(r.diagnostics[0]!);
  });

  it('binary file: NUL byte with its line and column', () => {
    const bytes = enc.encode('October 29, 1965\nab\u0000cd\n');
    const r = ingestBytes(bytes, 'p.txt');
    expect(r.cable).toBeUndefined();
    const [d] = withCode(r.diagnostics, 'ingest/binary-file');
    expectFullDiagnostic(d!);
    expect(d!.severity).toBe('error');
    expect([d!.line, d!.column]).toEqual([2, 3]);
  });

  it('a PNG header is binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(codes(ingestBytes(png, 'p.txt').diagnostics)).toEqual(['ingest/binary-file']);
  });

  it('invalid UTF-8: reports the byte offset as line and column', () => {
    const head = enc.encode('October 29, 1965\n\nCaf');
    const bytes = new Uint8Array([...head, 0xe9, 0x20, 0x6f, 0x6b, 0x0a]); // Latin-1 "é"
    const r = ingestBytes(bytes, 'p.txt');
    expect(r.cable).toBeUndefined();
    const [d] = withCode(r.diagnostics, 'ingest/invalid-utf8');
    expectFullDiagnostic(d!);
    expect(d!.message).toContain(`offset ${head.length}`);
    expect([d!.line, d!.column]).toEqual([3, 4]);
  });

  it('invalid UTF-8: truncated sequence, overlong form and surrogate', () => {
    for (const bad of [[0x41, 0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80]]) {
      expect(codes(ingestBytes(new Uint8Array(bad), 'p.txt').diagnostics)).toEqual(['ingest/invalid-utf8']);
    }
  });

  it('valid multi-byte UTF-8 (diacritics, CJK, emoji) is accepted', () => {
    const r = ingestBytes(enc.encode(PAGE.replace('A Title', 'Título 中文 🙂')), 'p.txt');
    expect(r.cable?.title).toBe('Título 中文 🙂');
  });

  it('BOM is stripped with an info', () => {
    const r = ingestBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(PAGE)]), 'p.txt');
    expect(r.cable?.catalogueDate?.verbatim).toBe('October 29, 1965');
    const [d] = withCode(r.diagnostics, 'ingest/bom-stripped');
    expect(d?.severity).toBe('info');
  });

  it('CRLF and CR line ends are normalised with an info, and line numbers stay right', () => {
    for (const eol of ['\r\n', '\r']) {
      const r = ingestBytes(enc.encode(PAGE.replace(/\n/g, eol)), 'p.txt');
      expect(r.cable?.title).toBe('A Title');
      expect(r.cable?.citation).toBe('PRC FMA 106-01479-08, 85-88.');
      expect(withCode(r.diagnostics, 'ingest/line-endings-normalised')[0]?.severity).toBe('info');
      expect(JSON.stringify(r.cable)).not.toContain('\\r');
    }
  });

  it('a 10 MB file is refused with the limit in the message', () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    const r = ingestBytes(big, 'p.txt');
    expect(r.cable).toBeUndefined();
    const [d] = withCode(r.diagnostics, 'ingest/file-too-large');
    expectFullDiagnostic(d!);
    expect(d!.message).toContain(String(MAX_PAGE_BYTES));
    expect(codes(ingestText('a'.repeat(10 * 1024 * 1024), 'p.txt').diagnostics)).toEqual(['ingest/file-too-large']);
  });

  it('a page near the limit with pathological lines in the text and the tail still ingests', () => {
    // Huge lines of brackets, quotes and label-like text where the page-level reader looks:
    // a catastrophic regex or a per-line re-scan would hang here.
    const line = '[[(“", Translated by "'.repeat(60_000);
    const text = `Skip to content\n\nOctober 29, 1965\n\nTitle\n\n${line}\n\nSummary.\n\nDocument Information\n\n${line}\n\n${line}\n\nRecord ID\n\n${'  '.repeat(200_000)}x\n`;
    const r = ingestText(text, 'p.txt');
    expect(r.cable?.title).toBe('Title');
    expect(r.cable?.citation?.length).toBe(line.length);
    expect(codes(r.diagnostics)).toContain('ingest/citation-unread');
  });

  it('a file that is no archive page', () => {
    for (const text of ['Dear diary,\nToday I went to the market.\nIt rained.\n', '{"a": 1, "b": [1, 2, 3]}\n', '<html><body>Hello</body></html>']) {
      const r = ingestText(text, 'p.txt');
      expect(r.cable).toBeUndefined();
      const [d] = withCode(r.diagnostics, 'ingest/not-an-archive-page');
      expectFullDiagnostic(d!);
      expect(d!.line).toBe(1);
    }
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(Math.floor(rand() * 300)).map(() => Math.floor(rand() * 256));
      const r = ingestBytes(bytes, 'p.txt');
      expect(Array.isArray(r.diagnostics)).toBe(true);
      expect(codes(r.diagnostics)).not.toContain('ingest/internal-error');
    }
  });
});

describe('unexpected failures', () => {
  it('an exception inside ingest becomes ingest/internal-error for that file', () => {
    const r = ingestText(null as unknown as string, 'odd.txt');
    expect(r.cable).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'ingest/internal-error', severity: 'error', file: 'odd.txt' }]);
    expect(r.diagnostics[0]!.hint).toBeTruthy();
  });
});

/** The codes of the page-level ingest (the body parser's own codes are checked by its tests). */
const PAGE_CODES = new Set([
  'ingest/empty-file', 'ingest/blank-file', 'ingest/binary-file', 'ingest/invalid-utf8', 'ingest/file-too-large', 'ingest/bom-stripped',
  'ingest/line-endings-normalised', 'ingest/not-an-archive-page', 'ingest/internal-error', 'ingest/chrome-dropped', 'ingest/empty-field',
  'ingest/missing-field', 'ingest/truncated', 'ingest/summary-may-belong-elsewhere', 'ingest/citation-unread', 'ingest/date-disagreement',
  'ingest/title-differs', 'ingest/model-invalid',
]);

describe('every diagnostic is complete', () => {
  it('code, severity, message, hint, file, line and column on every fixture and seed', async () => {
    const { fixtureNames, ingestFixture, ingestSeed, SEEDS } = await import('./helpers.js');
    const all = [...SEEDS.map((s) => ingestSeed(s)), ...fixtureNames().filter((f) => !f.startsWith('body-')).map((f) => ingestFixture(f))];
    const bad = [
      ingestBytes(new Uint8Array(10 * 1024 * 1024), 'p.txt'),
      ingestText('a\r\nb\u0000', 'p.txt'),
      ingestText('October 29, 1965\r\n\r\nT\r\n', 'p.txt'),
      ingestText('Nothing here', 'p.txt'),
    ];
    let seen = 0;
    for (const r of [...all, ...bad]) {
      for (const d of r.diagnostics.filter((x) => PAGE_CODES.has(x.code))) {
        expect(d.hint, d.code).toBeTruthy();
        expect(d.file, d.code).toBeTruthy();
        expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(ingestText('a\r\nb\u0000', 'p.txt').diagnostics[0]).toMatchObject({ code: 'ingest/binary-file', line: 2, column: 2 });
  });
});
