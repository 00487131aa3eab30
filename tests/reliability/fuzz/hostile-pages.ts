/**
 * Hostile source pages for the pipeline fuzz: a real sample page, mutated the ways accumulated
 * archives and broken tools mangle files (byte flips, truncation, invalid and mixed encodings,
 * control and bidi characters, huge lines, deep bracket nesting, shuffled lines), or plain noise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const SOURCES = join(import.meta.dirname, '../../../sources');
export const SEED_PAGES: readonly Buffer[] = readdirSync(SOURCES)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(SOURCES, n)));

export type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'huge-line'; at: number; char: string; length: number }
  | { kind: 'nesting'; at: number; depth: number; open: string; close: string }
  | { kind: 'shuffle-lines'; seed: number }
  | { kind: 'duplicate-line'; at: number; times: number }
  | { kind: 'blank-lines'; at: number; count: number }
  | { kind: 'line-ends'; style: '\r\n' | '\r' | 'mixed' }
  | { kind: 'latin1'; }
  | { kind: 'utf16'; le: boolean };

/** Characters and byte runs that break naive handling of text. */
const HOSTILE_TEXT = [
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\uFFFE', '\uFFFF', '\uFEFF',
  '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u200E', '\u061C', '\u0301\u0301\u0301', 'e\u0308',
  '\u2028', '\u2029', 'שלום', 'مرحبا', '𝕏', '😀', ']]', '[[', '[', ']', '**', '&amp;', '<TEI>', ']]>', '<!--', '<!DOCTYPE x [<!ENTITY a "b">]>',
  'Date:', 'Title:', 'Summary:', 'Source:', 'Translated by', '\t', '\n\n\n',
].map((s) => Buffer.from(s, 'utf8'));
const HOSTILE_BYTES = [
  [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xef, 0xbb, 0xbf],
].map((b) => Buffer.from(b));

const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (p: number, length: number): number => Math.floor(p * length);

export function mutationArbitrary(hugeLine: number, maxDepth: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: position,
      bytes: fc.oneof(fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_BYTES), fc.uint8Array({ minLength: 1, maxLength: 64 })),
    }),
    fc.record({ kind: fc.constant('huge-line' as const), at: position, char: fc.constantFrom('[', 'a', ' ', '(', '*', '\u202E', '中'), length: fc.integer({ min: 1, max: hugeLine }) }),
    fc.record({ kind: fc.constant('nesting' as const), at: position, depth: fc.integer({ min: 1, max: maxDepth }), open: fc.constantFrom('[', '[[', '(', '**'), close: fc.constantFrom(']', ']]', ')', '**', '') }),
    fc.record({ kind: fc.constant('shuffle-lines' as const), seed: fc.integer() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: position, times: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('blank-lines' as const), at: position, count: fc.integer({ min: 1, max: 10_000 }) }),
    fc.record({ kind: fc.constant('line-ends' as const), style: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const) }),
    fc.record({ kind: fc.constant('latin1' as const) }),
    fc.record({ kind: fc.constant('utf16' as const), le: fc.boolean() }),
  );
}

function splitLines(bytes: Buffer): string[] {
  return bytes.toString('latin1').split('\n');
}
function joinLines(lines: string[]): Buffer {
  return Buffer.from(lines.join('\n'), 'latin1');
}

export function applyMutation(page: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'flip': {
      if (page.length === 0) return page;
      const out = Buffer.from(page);
      const i = at(m.at, out.length);
      out[i] = out[i]! ^ m.mask;
      return out;
    }
    case 'truncate':
      return page.subarray(0, at(m.at, page.length));
    case 'insert': {
      const i = at(m.at, page.length);
      return Buffer.concat([page.subarray(0, i), Buffer.from(m.bytes), page.subarray(i)]);
    }
    case 'huge-line': {
      const i = at(m.at, page.length);
      return Buffer.concat([page.subarray(0, i), Buffer.from(`\n${m.char.repeat(m.length)}\n`, 'utf8'), page.subarray(i)]);
    }
    case 'nesting': {
      const i = at(m.at, page.length);
      return Buffer.concat([page.subarray(0, i), Buffer.from(m.open.repeat(m.depth) + 'x' + m.close.repeat(m.depth), 'utf8'), page.subarray(i)]);
    }
    case 'shuffle-lines': {
      const lines = splitLines(page);
      let s = m.seed | 0;
      for (let i = lines.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1103515245) + 12345) | 0;
        const j = Math.abs(s) % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return joinLines(lines);
    }
    case 'duplicate-line': {
      const lines = splitLines(page);
      const i = at(m.at, lines.length);
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i] ?? ''));
      return joinLines(lines);
    }
    case 'blank-lines': {
      const lines = splitLines(page);
      lines.splice(at(m.at, lines.length), 0, ...Array<string>(m.count).fill(''));
      return joinLines(lines);
    }
    case 'line-ends': {
      const lines = splitLines(page);
      if (m.style !== 'mixed') return Buffer.from(lines.join(m.style), 'latin1');
      return Buffer.from(lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join(''), 'latin1');
    }
    case 'latin1':
      // A page saved by a tool that wrote Latin-1: every non-ASCII character becomes one byte (or "?").
      return Buffer.from(page.toString('utf8'), 'latin1');
    case 'utf16': {
      const bytes = Buffer.from(page.toString('utf8'), 'utf16le');
      if (!m.le) bytes.swap16();
      return Buffer.concat([Buffer.from(m.le ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
    }
  }
}

export interface HostilePage {
  description: string;
  bytes: Buffer;
}

/** A seed page with 1–4 mutations, or random bytes now and then. */
export function hostilePageArbitrary(options: { hugeLine: number; maxDepth: number }): fc.Arbitrary<HostilePage> {
  const mutated = fc
    .record({ seed: fc.nat({ max: SEED_PAGES.length - 1 }), mutations: fc.array(mutationArbitrary(options.hugeLine, options.maxDepth), { minLength: 1, maxLength: 4 }) })
    .map(({ seed, mutations }) => ({
      description: `seed ${seed}, ${mutations.map((m) => m.kind).join(' + ')}`,
      bytes: mutations.reduce(applyMutation, SEED_PAGES[seed]!),
    }));
  const noise = fc.uint8Array({ maxLength: 4096 }).map((b) => ({ description: 'random bytes', bytes: Buffer.from(b) }));
  return fc.oneof({ arbitrary: mutated, weight: 9 }, { arbitrary: noise, weight: 1 });
}
