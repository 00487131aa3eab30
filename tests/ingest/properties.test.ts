import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { PAGES_DIR, SEEDS, SOURCES_DIR, codes, fixtureNames } from './helpers.js';

const pages = [...SEEDS.map((s) => readFileSync(SOURCES_DIR + s, 'utf8')), ...fixtureNames().filter((f) => !f.startsWith('body-')).map((f) => readFileSync(PAGES_DIR + f, 'utf8'))];
const NEVER = ['ingest/internal-error', 'ingest/model-invalid'];

describe('ingest properties', () => {
  it('any text: a result with diagnostics, never an exception, internal error or invalid model', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const r = ingestText(text, 'p.txt');
        for (const c of NEVER) expect(codes(r.diagnostics)).not.toContain(c);
        if (!r.cable) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('real page shapes with lines dropped, duplicated or blanked still ingest without internal errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pages),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'blank', 'cut')), { maxLength: 6 }),
        (page, edits) => {
          let lines = page.split('\n');
          for (const [n, op] of edits) {
            const i = n % Math.max(lines.length, 1);
            if (op === 'drop') lines.splice(i, 1);
            else if (op === 'dup') lines.splice(i, 0, lines[i] ?? '');
            else if (op === 'blank') lines[i] = '';
            else lines = lines.slice(0, i + 1);
          }
          const r = ingestText(lines.join('\n'), 'p.txt');
          for (const c of NEVER) expect(codes(r.diagnostics)).not.toContain(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
