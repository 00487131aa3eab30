import { describe, expect, it } from 'vitest';
import { findDateAtStart, findDates, parseDate } from '../../../src/ingest/dates/index.js';

const LINES = [
  '12 May 1956',
  '12 May 1956.',
  'May 12, 1956: arrival',
  'JAN 3, 1961',
  'JaN 3, 1961',
  'between 2nd and 5th of May 1960',
  'from 3 to 5 June 1960',
  'fromage 3 June',
  '[28] October 1965',
  '“13” June 1956',
  '13.10.50',
  '10:00, 2 March 1961',
  'Monday 3 June 1960',
  'Ministry, 3 June 1960',
  '1965',
  'No date here',
  '',
];

describe('findDateAtStart', () => {
  it('gives the date findDates reports at offset 0, and nothing when findDates has none there', () => {
    for (const line of LINES) {
      const first = findDates(line)[0];
      const expected = first?.start === 0 ? first : undefined;
      expect(findDateAtStart(line), line).toEqual(expected);
    }
  });
});

describe('parseDate memo', () => {
  it('gives each caller its own copy of the same value', () => {
    const a = parseDate('12 May 1956', 'text');
    a.inferred = 'changed by a caller';
    const b = parseDate('12 May 1956', 'text');
    expect(b).toEqual({ verbatim: '12 May 1956', origin: 'text', when: '1956-05-12', precision: 'day' });
  });

  it('tells contexts apart by the reference year', () => {
    const r1965 = { verbatim: '1965', origin: 'catalogue' as const, when: '1965' };
    const r1971 = { verbatim: '1971', origin: 'catalogue' as const, when: '1971' };
    expect(parseDate('12 May', 'text', { reference: r1965 }).when).toBe('1965-05-12');
    expect(parseDate('12 May', 'text', { reference: r1971 }).when).toBe('1971-05-12');
    expect(parseDate('12 May', 'text').when).toBe('--05-12');
  });
});
