/**
 * The pipeline fuzz: hostile pages (see fuzz/hostile-pages.ts) through ingest → TEI → validate →
 * decode → IIIF, DC and the site, checking the promises in fuzz/check-page.ts. `npm test` runs a
 * short deterministic run (fixed seed); `npm run fuzz` runs 10,000 pages with 1 MB lines and prints
 * figures (FUZZ_CASES and FUZZ_SEED override).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPage } from './fuzz/check-page.js';
import { hostilePageArbitrary } from './fuzz/hostile-pages.js';

const LONG = process.env['FUZZ_CASES'] !== undefined;
const CASES = LONG ? Number(process.env['FUZZ_CASES']) : 40;
const SEED = Number(process.env['FUZZ_SEED'] ?? 16);
const pages = hostilePageArbitrary(LONG ? { hugeLine: 1_000_000, maxDepth: 20_000 } : { hugeLine: 60_000, maxDepth: 3_000 });

describe('pipeline fuzz', () => {
  // Pages a long run flagged, kept so the check that flagged them stays answered.
  const FINDINGS = join(import.meta.dirname, 'fuzz', 'findings');
  it.each(readdirSync(FINDINGS))('a page a long run flagged: %s', (name) => {
    expect(checkPage({ description: name, bytes: readFileSync(join(FINDINGS, name)) })).toEqual([]);
  });

  it(`${CASES} hostile pages: no throw, no stack trace, typed and catalogued diagnostics, only valid files`, () => {
    const findings: { page: string; problems: string[] }[] = [];
    let bytes = 0;
    const started = process.hrtime.bigint();
    fc.assert(
      fc.property(pages, (page) => {
        bytes += page.bytes.length;
        const problems = checkPage(page);
        if (problems.length > 0) findings.push({ page: page.description, problems });
        // The long run counts every finding; the short run stops at the first (and shrinks it).
        return LONG || problems.length === 0;
      }),
      { numRuns: CASES, seed: SEED, endOnFailure: !LONG },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (LONG) {
      const kinds = new Map<string, number>();
      for (const f of findings) for (const p of f.problems) kinds.set(p.slice(0, 80), (kinds.get(p.slice(0, 80)) ?? 0) + 1);
      process.stdout.write(
        [
          `fuzz: ${CASES} pages (seed ${SEED}), ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${(CASES / seconds).toFixed(1)} cases/s`,
          `fuzz: ${findings.length} pages with findings`,
          ...[...kinds].map(([k, n]) => `  ${n} × ${k}`),
          ...findings.slice(0, 5).map((f) => `  e.g. ${f.page}: ${f.problems[0]}`),
          '',
        ].join('\n'),
      );
    }
    expect(findings).toEqual([]);
  }, LONG ? 6 * 3600_000 : 300_000);
});
