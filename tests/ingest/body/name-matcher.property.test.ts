import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameMatcher, type NameEntry } from '../../../src/ingest/body/inline/index.js';
import type { Entity } from '../../../src/model/cable.js';

/**
 * The matcher replaced one regex alternation of every name; this keeps that regex as the
 * reference and checks both find the same mentions, resolved to the same entity.
 */
function referenceMatches(names: readonly NameEntry[], text: string): Array<[number, number, string]> {
  if (names.length === 0) return [];
  const alternatives = names.map((n) => n.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const out: Array<[number, number, string]> = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const written = m[0].toLowerCase();
    const hit = names.find((n) => n.text.toLowerCase() === written);
    if (hit) out.push([m.index, m.index + m[0].length, hit.entity.id]);
  }
  return out;
}

function entry(text: string, i: number): NameEntry {
  const entity: Entity = { id: `e${i}`, kind: 'person', name: text, aliases: [] };
  return { text, entity };
}

/** Letters (ASCII, accented, CJK, astral), digits, marks, spaces and punctuation around names. */
const char = fc.constantFrom('K', 'k', 'i', 'm', 'I', 'l', ' ', '\u00a0', '-', '.', ',', '’', '(', '[', '3', '²', 'é', '\u0301', '中', '𝐀', '😀', 'Ж', '\n', '\ud835', '\udc00');
const word = fc.array(char, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const names = fc
  .array(fc.oneof(word, fc.constantFrom('Kim', 'Kim Il', 'Il', 'KIM', 'kim', 'Жм', '中中', '𝐀K', 'K.', '(Kim)', '\udc00K', 'K\ud835')), { maxLength: 6 })
  .map((ts) => ts.map(entry));
const text = fc.array(fc.oneof(char, fc.constantFrom('Kim', 'Kim Il', 'Il ', 'KIM', 'Kim.', '中中', '𝐀K', '\ud835\udc00K', 'K\ud835\udc00')), { maxLength: 40 }).map((cs) => cs.join(''));

describe('NameMatcher', () => {
  it('finds exactly what the name regex found, in any name order', () => {
    fc.assert(
      fc.property(names, text, (ns, t) => {
        const matcher = new NameMatcher(ns);
        const got = matcher.matches(t).map((h): [number, number, string] => [h.start, h.end, h.name.entity.id]);
        expect(got).toEqual(referenceMatches(ns, t));
        expect(matcher.test(t)).toBe(got.length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same with names longest first, as the registry gives them', () => {
    fc.assert(
      fc.property(names, text, (ns, t) => {
        const sorted = [...ns].sort((a, b) => b.text.length - a.text.length);
        const got = new NameMatcher(sorted).matches(t).map((h): [number, number, string] => [h.start, h.end, h.name.entity.id]);
        expect(got).toEqual(referenceMatches(sorted, t));
      }),
      { numRuns: 1000 },
    );
  });

  it('stays linear on a long text with many mentions and a name that never occurs', () => {
    const matcher = new NameMatcher([entry('Zhou Enlai', 0), entry('Kim', 1)]);
    const long = 'Kim said no. '.repeat(100_000);
    const started = performance.now();
    expect(matcher.matches(long)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
