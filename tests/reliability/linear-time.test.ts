import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { readingText } from '../../src/model/reading-text.js';
import { encodeTei, validateTei } from '../../src/tei/index.js';
import { WHEN } from '../tei/helpers.js';

/**
 * Inputs on which a scan per mark made the time grow with the square of the input. Not a speed
 * test: each must merely finish within a bound (the vitest timeout) that the quadratic scans missed
 * by minutes (a 3 MB line of "[" did not ingest in 60 s; 1,000,000 <lb/> took 72 s to validate).
 */
const SEED = readFileSync(new URL('../../sources/000_8b1b759c36f2ea61.txt', import.meta.url), 'utf8');
const TITLE_LINE = 'On the Situation of Calling on Vice Premier Kim Il\n\n';

describe('time linear in the input', () => {
  it('a 3 MB line of "[" ingests, keeping every bracket', { timeout: 60_000 }, () => {
    const run = '['.repeat(3_000_000);
    const page = SEED.replace(TITLE_LINE, `${TITLE_LINE}${run}\n\n`);
    const r = ingestBytes(Buffer.from(page), 'sources/brackets.txt');
    expect(r.cable).toBeDefined();
    const texts = r.cable!.body.flatMap((b) => ('content' in b && Array.isArray(b.content) ? [readingText(b.content)] : []));
    expect(texts).toContain(run);
  });

  it('a 3 MB line of "[[" pairs and single brackets ingests', { timeout: 60_000 }, () => {
    const run = '[[x] '.repeat(600_000);
    const page = SEED.replace(TITLE_LINE, `${TITLE_LINE}${run}\n\n`);
    expect(ingestBytes(Buffer.from(page), 'sources/brackets.txt').cable).toBeDefined();
  });

  it('a TEI title with 1,000,000 <lb/> validates (and is reported at its line)', { timeout: 60_000 }, () => {
    const cable = ingestBytes(Buffer.from(SEED), 'sources/seed.txt').cable!;
    const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
    const open = '<title type="main">';
    const at = xml.indexOf(open) + open.length;
    const big = xml.slice(0, at) + '<lb/>'.repeat(1_000_000) + xml.slice(at);
    const line = xml.slice(0, at).split('\n').length;
    const errors = validateTei(big).filter((d) => d.severity === 'error');
    expect(errors[0]).toMatchObject({ code: 'tei/schema', line });
  });
});
