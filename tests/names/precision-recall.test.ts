import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameFinder, shippedRegister } from '../../src/names/index.js';

/**
 * Precision and recall of the shipped register's matcher over sentences annotated by hand
 * (tests/fixtures/names/annotated.txt). A mention annotated with key "-" is a real name the register
 * does not hold: it counts against recall, never as a false positive when left alone.
 */
interface Mention {
  start: number;
  end: number;
  key: string;
}

function parseLine(line: string): { text: string; gold: Mention[] } {
  let text = '';
  const gold: Mention[] = [];
  let last = 0;
  for (const m of line.matchAll(/\{\{([^|}]+)\|([^}]+)\}\}/g)) {
    text += line.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1]!.length, key: m[2]! });
    text += m[1]!;
    last = m.index + m[0].length;
  }
  return { text: text + line.slice(last), gold };
}

const lines = readFileSync(new URL('../fixtures/names/annotated.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

export function score(): { tp: number; fp: number; fn: number; precision: number; recall: number } {
  const finder = new NameFinder([shippedRegister()]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of lines) {
    const { text, gold } = parseLine(line);
    const found = finder.find(text).flatMap((h) => (h.target.kind === 'entry' ? [{ start: h.start, end: h.end, key: h.target.entry.key }] : []));
    for (const f of found) {
      if (gold.some((g) => g.start === f.start && g.end === f.end && g.key === f.key)) tp++;
      else fp++;
    }
    for (const g of gold) if (!found.some((f) => f.start === g.start && f.end === g.end && f.key === g.key)) fn++;
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('name matching over hand-annotated sentences', () => {
  it('has precision of at least 0.95 and reports recall', () => {
    const s = score();
    console.log(`names: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, ${lines.length} sentences)`);
    expect(lines.length).toBeGreaterThan(15);
    expect(s.tp).toBeGreaterThan(30);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
});
