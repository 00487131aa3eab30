import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { decodeTei, DEFAULT_LIMITS, TEI_NS, validateTei } from '../../src/tei/index.js';
import { sampleTei } from './helpers.js';

const secretDir = mkdtempSync(join(tmpdir(), 'cablekit-xxe-'));
const SECRET = 'cablekit-secret-7f3a9c';
const secretFile = join(secretDir, 'secret.txt');
writeFileSync(secretFile, SECRET);
afterAll(() => rmSync(secretDir, { recursive: true, force: true }));

/** Runs both entry points; each must answer with exactly the expected code, without a cable. */
function both(xml: string): { validate: Diagnostic[]; decode: Diagnostic[]; cable: unknown } {
  const decoded = decodeTei(xml, 'hostile.xml');
  return { validate: validateTei(xml, 'hostile.xml'), decode: decoded.diagnostics, cable: decoded.cable };
}

function expectRejected(xml: string, code: string, line?: number) {
  const r = both(xml);
  expect(r.cable).toBeUndefined();
  for (const list of [r.validate, r.decode]) {
    expect(list.map((d) => d.code)).toEqual([code]);
    expect(list[0]!.severity).toBe('error');
    expect(list[0]!.file).toBe('hostile.xml');
    if (line !== undefined) expect(list[0]!.line).toBe(line);
  }
  return r;
}

describe('hostile TEI', () => {
  it('XXE: an external entity is refused and the file is never read', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]>\n<TEI xmlns="${TEI_NS}"><p>&xxe;</p></TEI>`;
    const r = expectRejected(xml, 'tei/doctype-forbidden', 2);
    expect(r.validate[0]!.column).toBe(1);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('XXE through a parameter entity and an external DTD is refused', () => {
    const xml = `<!DOCTYPE TEI SYSTEM "${pathToFileURL(secretFile).href}" [<!ENTITY % p SYSTEM "${pathToFileURL(secretFile).href}"> %p;]><TEI xmlns="${TEI_NS}"/>`;
    const r = expectRejected(xml, 'tei/doctype-forbidden', 1);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('an entity expansion bomb (billion laughs) is refused before any expansion', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('\n');
    expectRejected(`<?xml version="1.0"?>\n<!DOCTYPE TEI [\n${levels}\n]>\n<TEI xmlns="${TEI_NS}">&lol9;</TEI>`, 'tei/doctype-forbidden', 2);
  });

  it('a DOCTYPE in another letter case, after a comment, is refused too', () => {
    const xml = `<?xml version="1.0"?>\n<!-- <!x -->\n<!doctype TEI [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]>\n<TEI xmlns="${TEI_NS}"><p>&xxe;</p></TEI>`;
    const r = expectRejected(xml, 'tei/doctype-forbidden', 3);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('entity references without a DTD are undeclared, not looked up', () => {
    const xml = `<TEI xmlns="${TEI_NS}">\n<p>a&nbsp;b</p></TEI>`;
    expectRejected(xml, 'tei/not-well-formed', 2);
  });

  it('100,000 levels of nesting: tei/too-deep, no stack overflow', () => {
    const depth = 100_000;
    const xml = `<TEI xmlns="${TEI_NS}">${'<div>'.repeat(depth)}${'</div>'.repeat(depth)}</TEI>`;
    const r = expectRejected(xml, 'tei/too-deep', 1);
    expect(r.validate[0]!.message).toContain(String(DEFAULT_LIMITS.maxDepth));
  });

  it('self-closing elements and quoted ">" do not count as nesting', () => {
    const xml = `<TEI xmlns="${TEI_NS}">${'<lb n="a>b"/>'.repeat(10_000)}</TEI>`;
    expect(decodeTei(xml).diagnostics.map((d) => d.code)).not.toContain('tei/too-deep');
  });

  it('a wrong namespace is reported', () => {
    expectRejected(sampleTei().replace(`xmlns="${TEI_NS}"`, 'xmlns="http://example.org/not-tei"'), 'tei/wrong-namespace', 2);
  });

  it('no namespace at all is reported', () => {
    expectRejected(sampleTei().replace(` xmlns="${TEI_NS}"`, ''), 'tei/wrong-namespace', 2);
  });

  it('not well-formed XML is reported with line and column', () => {
    const xml = `<?xml version="1.0"?>\n<TEI xmlns="${TEI_NS}">\n  <teiHeader></fileDesc>\n</TEI>`;
    const r = expectRejected(xml, 'tei/not-well-formed', 3);
    expect(r.validate[0]!.column).toBeGreaterThan(1);
    expect(r.decode[0]!.column).toBeGreaterThan(1);
  });

  it('huge input is refused before parsing', () => {
    const xml = `<TEI xmlns="${TEI_NS}">${'x'.repeat(DEFAULT_LIMITS.maxChars)}</TEI>`;
    const r = expectRejected(xml, 'tei/too-large', 1);
    expect(r.decode[0]!.message).toContain(String(DEFAULT_LIMITS.maxChars));
  });

  it('limits can be lowered by the caller', () => {
    const xml = sampleTei();
    expect(validateTei(xml, 'x.xml', { limits: { maxChars: 100, maxDepth: 256 } }).map((d) => d.code)).toEqual(['tei/too-large']);
    expect(decodeTei(xml, 'x.xml', { maxChars: 1_000_000, maxDepth: 3 }).diagnostics.map((d) => d.code)).toEqual(['tei/too-deep']);
    // libxml2 accepts this depth; the limit still holds, at the first tag too deep (TEI, teiHeader, fileDesc, titleStmt).
    const deep = validateTei(xml, 'x.xml', { limits: { maxChars: 1_000_000, maxDepth: 3 } });
    expect(deep.map((d) => d.code)).toEqual(['tei/too-deep']);
    expect(deep[0]!.line).toBe(xml.slice(0, xml.indexOf('<titleStmt')).split('\n').length);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => validateTei(s)).not.toThrow();
        expect(() => decodeTei(s)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on a valid file cut or spliced anywhere', () => {
    const xml = sampleTei();
    fc.assert(
      fc.property(fc.nat({ max: xml.length }), fc.nat({ max: xml.length }), fc.string({ maxLength: 5 }), (a, b, insert) => {
        const broken = xml.slice(0, Math.min(a, b)) + insert + xml.slice(Math.max(a, b));
        const v = validateTei(broken);
        const d = decodeTei(broken);
        // Either accepted, or refused with diagnostics: never an exception.
        expect(Array.isArray(v) && Array.isArray(d.diagnostics)).toBe(true);
        expect(v.some((x) => x.code === 'tei/internal-error')).toBe(false);
        expect(d.diagnostics.some((x) => x.code === 'tei/internal-error')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
