import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeLedger } from '../../src/pipeline/output-ledger.js';

describe('the outputs ledger', () => {
  it('is written as JSON.stringify writes the sorted object, byte for byte (the file format is unchanged)', () => {
    // Output paths always hold a letter (folders and extensions), so none is an array index that
    // JSON.stringify would put first.
    const path = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s}.x`);
    fc.assert(
      fc.property(fc.dictionary(path, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 64 }), { maxKeys: 40 }), (entries) => {
        const map = new Map(Object.entries(entries));
        const sorted = Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(serializeLedger(map)).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
