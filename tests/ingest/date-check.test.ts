import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { checkDateDisagreement } from '../../src/ingest/assemble/check-dates.js';
import type { Block } from '../../src/model/blocks.js';
import type { Cable } from '../../src/model/cable.js';
import type { DateValue } from '../../src/model/dates.js';
import { cableOf, ingestSeed } from './helpers.js';

function withDates(catalogue: DateValue | undefined, dates: DateValue[]): Cable {
  const c = structuredClone(cableOf(ingestSeed('000_8b1b759c36f2ea61.txt')));
  const body: Block[] = [{ kind: 'paragraph', content: dates.map((value) => ({ kind: 'date', content: [{ kind: 'text', text: value.verbatim }], value })) }];
  const out: Cable = { ...c, body };
  if (catalogue) out.catalogueDate = catalogue;
  else delete out.catalogueDate;
  return out;
}

const cat: DateValue = { verbatim: 'December 15, 1965', when: '1965-12-15', precision: 'day', origin: 'catalogue' };
const run = (c: Cable): string[] => {
  const bag = new DiagnosticBag('x');
  checkDateDisagreement(c, bag, 3);
  return bag.items.map((d) => d.message);
};

describe('catalogue date against the text dates', () => {
  it('agreeing dates say nothing', () => {
    expect(run(withDates(cat, [{ verbatim: '15 December 1965', when: '1965-12-15', origin: 'closer' }]))).toEqual([]);
  });
  it('a closer date that differs is named, with the catalogue date', () => {
    const [m] = run(withDates(cat, [{ verbatim: '25 December 1965', when: '1965-12-25', origin: 'closer' }]));
    expect(m).toContain('"December 15, 1965"');
    expect(m).toContain('"25 December 1965" (1965-12-25, closer)');
  });
  it('a far-away date in the running text is history, not a disagreement', () => {
    expect(run(withDates(cat, [{ verbatim: '25 June 1950', when: '1950-06-25', origin: 'text' }]))).toEqual([]);
  });
  it('a year-only catalogue date agrees with any day of that year', () => {
    const year: DateValue = { verbatim: '1965', when: '1965', precision: 'year', origin: 'catalogue' };
    expect(run(withDates(year, [{ verbatim: '25 December 1965', when: '1965-12-25', origin: 'closer' }]))).toEqual([]);
    expect(run(withDates(year, [{ verbatim: '2 January 1966', when: '1966-01-02', origin: 'closer' }]))).toHaveLength(1);
  });
  it('no catalogue date, nothing to compare', () => {
    expect(run(withDates(undefined, [{ verbatim: '25 December 1965', when: '1965-12-25', origin: 'closer' }]))).toEqual([]);
  });
});
