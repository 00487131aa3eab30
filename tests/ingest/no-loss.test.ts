import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFieldLabel, matchFunderLine } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/cable.js';
import { cableReadingText } from '../../src/model/reading-text.js';
import { PAGES_DIR, SEEDS, SOURCES_DIR, fixtureNames, ingestFixture, ingestSeed, withCode } from './helpers.js';

/** Keys whose string values carry text of the source (ids, enums and inferred notes do not). */
const TEXT_KEYS = new Set([
  'title', 'documentType', 'verbatim', 'citation', 'summary', 'label', 'value', 'name', 'aliases', 'recordId', 'urls',
  'funders', 'rights', 'text', 'marker', 'open', 'close', 'forOrganisation', 'fromLanguage', 'n', 'separator', 'number', 'archive',
]);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function modelStrings(value: unknown, key: string | undefined, out: string[]): void {
  if (typeof value === 'string') {
    if (key !== undefined && TEXT_KEYS.has(key)) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => modelStrings(v, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) modelStrings(v, k, out);
}

function counts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Words of the input (outside listed chrome and field labels) that the model does not hold, as many times as they are missing. */
function missingWords(input: string, cable: Cable, chromeLines: ReadonlySet<number>): string[] {
  const inputWords: string[] = [];
  input.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (chromeLines.has(i + 1) || isFieldLabel(line)) return;
    const funder = matchFunderLine(line);
    inputWords.push(...words(funder ? funder.list : line));
  });
  const strings: string[] = [cableReadingText(cable)];
  modelStrings(cable, undefined, strings);
  const have = counts(strings.flatMap(words));
  const missing: string[] = [];
  for (const [w, n] of counts(inputWords)) {
    const short = n - (have.get(w) ?? 0);
    for (let k = 0; k < short; k++) missing.push(w);
  }
  return missing;
}

const cases: [string, () => ReturnType<typeof ingestFixture>, string][] = [
  ...SEEDS.map((s): [string, () => ReturnType<typeof ingestFixture>, string] => [`seed ${s}`, () => ingestSeed(s), SOURCES_DIR + s]),
  ...fixtureNames().map((f): [string, () => ReturnType<typeof ingestFixture>, string] => [f, () => ingestFixture(f), PAGES_DIR + f]),
];

describe('nothing lost: every word outside recognised chrome is in the model', () => {
  it('covers the seeds and at least one fixture per layout', () => {
    expect(cases.length).toBeGreaterThanOrEqual(SEEDS.length + 4);
  });

  it.each(cases)('%s', (_name, run, file) => {
    const input = readFileSync(file, 'utf8');
    const r = run();
    expect(r.cable, JSON.stringify(r.diagnostics)).toBeDefined();
    const chrome = withCode(r.diagnostics, 'ingest/chrome-dropped');
    expect(chrome.length).toBeLessThanOrEqual(1);
    const message = chrome[0]?.message ?? '';
    const listed = new Set([...message.matchAll(/\(line (\d+)\)/g)].map((m) => Number(m[1])));
    // Each listed line is named with its text, so a reader can see what was dropped.
    const lines = input.split(/\r\n|\r|\n/);
    for (const n of listed) expect(message).toContain(`"${lines[n - 1]!.trim()}" (line ${n})`);
    expect(missingWords(input, r.cable!, listed)).toEqual([]);
  });

  it('the check itself fails when a word is lost', () => {
    const r = ingestFixture('current-site-source-rights.txt');
    const cable = structuredClone(r.cable!);
    cable.rights = [];
    const input = readFileSync(PAGES_DIR + 'current-site-source-rights.txt', 'utf8');
    expect(missingWords(input, cable, new Set())).toContain('reuse');
  });
});
