import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedger, serializeLedger } from '../../src/pipeline/output-ledger.js';
import { SortedLedger } from '../../src/pipeline/sorted-ledger.js';

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
// Any name sha256sum writes without escaping: no backslash, line feed or carriage return.
const plainPath = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', '/', '.', ' ', '*', 'é', '\u{1F600}', '\uFF21'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 }).filter((p) => !/[\\\n\r]/.test(p));

describe('the outputs ledger as sorted text', () => {
  it('finds every entry, and nothing else, by binary search', () => {
    fc.assert(
      fc.property(fc.dictionary(plainPath, hex64, { maxKeys: 60 }), fc.array(plainPath, { maxLength: 10 }), (entries, others) => {
        const map = new Map(Object.entries(entries));
        const sorted = SortedLedger.from(serializeLedger(map));
        expect(sorted).toBeDefined();
        for (const [path, sha] of map) expect(sorted!.get(path)).toBe(sha);
        for (const path of others) expect(sorted!.get(path)).toBe(map.get(path));
      }),
      { numRuns: 300 },
    );
  });

  it('patched by difference, is the ledger written whole from the changed entries', () => {
    const change = fc.tuple(plainPath, fc.option(hex64, { nil: undefined }));
    fc.assert(
      fc.property(fc.dictionary(plainPath, hex64, { maxKeys: 60 }), fc.array(change, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), (entries, news, picks) => {
        const map = new Map(Object.entries(entries));
        const changes = new Map<string, string | undefined>(news);
        // Changes to paths already there too: re-recorded and removed ones.
        const keys = [...map.keys()];
        for (const [i, pick] of picks.entries()) if (keys.length > 0) changes.set(keys[pick % keys.length]!, i % 2 === 0 ? undefined : '0'.repeat(64));
        const expected = new Map(map);
        for (const [path, sha] of changes) {
          if (sha === undefined) expected.delete(path);
          else expected.set(path, sha);
        }
        const patched = SortedLedger.from(serializeLedger(map))!.patched(changes);
        expect(patched).toBe(serializeLedger(expected));
        expect(parseLedger(patched)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is not taken for text it did not write: escaped names, an unended last line', () => {
    expect(SortedLedger.from(serializeLedger(new Map([['a\nb', '0'.repeat(64)]])))).toBeUndefined();
    expect(SortedLedger.from(`${'0'.repeat(64)}  a`)).toBeUndefined();
    expect(SortedLedger.from('')?.get('a')).toBeUndefined();
  });
});
