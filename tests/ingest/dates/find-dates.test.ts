import { describe, expect, it } from 'vitest';
import type { DateValue } from '../../../src/model/dates.js';
import { findDates } from '../../../src/ingest/dates/index.js';

const ref: DateValue = { verbatim: 'December 15, 1965', origin: 'catalogue', when: '1965-12-15', precision: 'day' };

describe('findDates', () => {
  it('finds the dates of seed 000 and keeps their offsets exact', () => {
    const text = 'On the afternoon of 24 December [1965], I met with [North Korean] Vice Premier Kim Il.';
    const found = findDates(text, 'text', { reference: ref });
    expect(found).toHaveLength(1);
    expect(found[0]!.verbatim).toBe('24 December [1965]');
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('24 December [1965]');
    expect(found[0]!.value.when).toBe('1965-12-24');
  });

  it('finds many shapes in one text, left to right', () => {
    const text =
      'Met on 28 [October 1965] and 13.10.50; again 12/X and on “13” June 1956, between 2nd and 5th of May 1960, from 3:00–5:30 p.m.; see Dec. 3, 1965 and 1965 December 24.';
    const got = findDates(text, 'text', { reference: ref }).map((f) => f.verbatim);
    expect(got).toEqual([
      '28 [October 1965]',
      '13.10.50',
      '12/X',
      '“13” June 1956',
      'between 2nd and 5th of May 1960',
      '3:00–5:30 p.m.',
      'Dec. 3, 1965',
      '1965 December 24',
    ]);
  });

  it('does not take the verb "may", numbers or bare years for dates', () => {
    expect(findDates('We may meet 123 times in 1955 with 40 people; May we?')).toEqual([]);
  });

  it('keeps a closing bracket the date did not open outside it', () => {
    const text = '[met on 5 May]';
    const f = findDates(text);
    expect(f.map((d) => d.verbatim)).toEqual(['5 May']);
  });
});

describe('findDates: ranges in running text', () => {
  it('reads day ranges written three ways', () => {
    const text = 'They met from 2 to 5 May 1960, again on December 24–25, 1965 and on 3-4 June 1961.';
    const found = findDates(text);
    expect(found.map((f) => [f.verbatim, f.value.notBefore, f.value.notAfter])).toEqual([
      ['from 2 to 5 May 1960', '1960-05-02', '1960-05-05'],
      ['December 24–25, 1965', '1965-12-24', '1965-12-25'],
      ['3-4 June 1961', '1961-06-03', '1961-06-04'],
    ]);
  });
});

describe('findDates: a time before the date', () => {
  it('takes the time and the date as one expression', () => {
    expect(findDates('Time: 10:00–12:30, 2 March 1961; place: the office').map((f) => f.verbatim)).toEqual(['10:00–12:30, 2 March 1961']);
    expect(findDates('They met at 10 a.m. on 24 December 1965.').map((f) => f.verbatim)).toEqual(['10 a.m. on 24 December 1965']);
  });
});
