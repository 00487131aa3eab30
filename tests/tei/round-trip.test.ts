import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { decodeTei, encodeTei } from '../../src/tei/index.js';
import { cableArbitrary } from '../support/arbitraries.js';

const WHEN = { when: '2026-01-02T03:04:05Z' };

describe('TEI round trip', () => {
  it('decode(encode(cable)) gives back the cable, for generated cables', () => {
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
        const { cable: back, diagnostics } = decodeTei(xml, 'generated.xml');
        expect(diagnostics).toEqual([]);
        // toEqual: fast-check builds some records without a prototype; values and keys are what matter.
        expect(back).toEqual(cable);
      }),
      { numRuns: Number(process.env.TEI_RUNS ?? 300) },
    );
  });

  it('encode(decode(tei)) is byte-identical for encoder output', () => {
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
        const back = decodeTei(xml).cable;
        expect(back).toBeDefined();
        expect(encodeTei(back!, DEFAULT_CONFIG, WHEN)).toBe(xml);
      }),
      { numRuns: 100 },
    );
  });
});
