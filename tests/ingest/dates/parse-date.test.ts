import { describe, expect, it } from 'vitest';
import type { DateValue } from '../../../src/model/dates.js';
import { parseDate } from '../../../src/ingest/dates/index.js';

const catalogue1965: DateValue = { verbatim: 'October 29, 1965', origin: 'catalogue', when: '1965-10-29', precision: 'day' };

describe('parseDate: header dates', () => {
  it.each([
    ['December 15, 1965', '1965-12-15', 'day'],
    ['October 05, 1964', '1964-10-05', 'day'],
    ['October 1976', '1976-10', 'month'],
    ['1955', '1955', 'year'],
    ['undated [1955]', '1955', 'year'],
  ])('%s → %s (%s)', (text, when, precision) => {
    const v = parseDate(text, 'catalogue');
    expect(v).toMatchObject({ verbatim: text, origin: 'catalogue', when, precision });
    expect(v.inferred).toBeUndefined();
  });
});

describe('parseDate: dates in the text', () => {
  it.each([
    ['25 December 1965', '1965-12-25'],
    ['28 [October 1965]', '1965-10-28'],
    ['24 December [1965]', '1965-12-24'],
    ['1965 December 24', '1965-12-24'],
    ['Dec. 3, 1965', '1965-12-03'],
    ['“13” June 1956', '1956-06-13'],
    ['May 1st, 1960', '1960-05-01'],
    ['1965-10-29', '1965-10-29'],
    ['29 February 1964', '1964-02-29'],
  ])('%s → %s, nothing inferred', (text, when) => {
    const v = parseDate(text, 'text', { reference: catalogue1965 });
    expect(v.when).toBe(when);
    expect(v.precision).toBe('day');
    expect(v.inferred).toBeUndefined();
  });

  it('takes a missing year from the reference and says so (seed 001 closer)', () => {
    const v = parseDate('29 October, 5:00 p.m.', 'closer', { reference: catalogue1965 });
    expect(v.when).toBe('1965-10-29T17:00:00');
    expect(v.precision).toBe('minute');
    expect(v.inferred).toMatch(/year 1965 .*catalogue date/);
  });

  it('without a reference a day and month become an xs:gMonthDay, not a guessed year', () => {
    const v = parseDate('29 October', 'text');
    expect(v.when).toBe('--10-29');
    expect(v.inferred).toBeUndefined();
  });

  it('resolves two-digit years to a century and marks it inferred', () => {
    expect(parseDate('13.10.50', 'text')).toMatchObject({ when: '1950-10-13', precision: 'day' });
    expect(parseDate('13.10.50', 'text').inferred).toMatch(/century/);
    expect(parseDate('10/14/50', 'text', { reference: catalogue1965 })).toMatchObject({ when: '1950-10-14' });
    expect(parseDate('1.1.66', 'text', { reference: catalogue1965 }).when).toBe('1966-01-01');
    expect(parseDate('1.1.99', 'text', { reference: catalogue1965 }).when).toBe('1899-01-01');
  });

  it('flags an ambiguous slashed order', () => {
    const v = parseDate('10/11/50', 'text');
    expect(v.when).toBe('1950-10-11');
    expect(v.inferred).toMatch(/month first/);
    expect(parseDate('14/10/50', 'text').when).toBe('1950-10-14');
  });

  it('reads roman-numeral months', () => {
    expect(parseDate('12.III.57', 'text').when).toBe('1957-03-12');
    const v = parseDate('12/X', 'text', { reference: catalogue1965 });
    expect(v.when).toBe('1965-10-12');
    expect(v.inferred).toMatch(/year 1965/);
  });

  it('reads ranges as notBefore/notAfter', () => {
    expect(parseDate('between 2nd and 5th of May 1960', 'text')).toMatchObject({
      notBefore: '1960-05-02',
      notAfter: '1960-05-05',
      precision: 'day',
    });
    expect(parseDate('2–5 May 1960', 'text')).toMatchObject({ notBefore: '1960-05-02', notAfter: '1960-05-05' });
    expect(parseDate('between 3 May and 5 June 1960', 'text')).toMatchObject({ notBefore: '1960-05-03', notAfter: '1960-06-05' });
    const t = parseDate('3:00–5:30 p.m.', 'text');
    expect(t).toMatchObject({ notBefore: '15:00:00', notAfter: '17:30:00', precision: 'minute' });
    expect(t.when).toBeUndefined();
  });

  it('reads 24-hour and military times', () => {
    expect(parseDate('17:30', 'text').when).toBe('17:30:00');
    expect(parseDate('1700 hours', 'text').when).toBe('17:00:00');
    expect(parseDate('25 December 1965, 09.15 hrs', 'text').when).toBe('1965-12-25T09:15:00');
    expect(parseDate('12:00 a.m.', 'text').when).toBe('00:00:00');
    expect(parseDate('12:30 p.m.', 'text').when).toBe('12:30:00');
    expect(parseDate('25 December 1965, 10:20:30', 'text')).toMatchObject({ when: '1965-12-25T10:20:30', precision: 'second' });
  });

  it.each(['nonsense', '31 February 1965', '13/13/50', '25:00', '12/10', 'October', '', 'December 1965 5'])(
    'never invents: %j keeps only the verbatim text',
    (text) => {
      const v = parseDate(text, 'text');
      expect(v).toEqual({ verbatim: text, origin: 'text' });
    },
  );
});

describe('parseDate: a time before the date', () => {
  it.each([
    ['10:00, 2 March 1961', { when: '1961-03-02T10:00:00' }],
    ['at 10 a.m. on 24 December 1965', { when: '1965-12-24T10:00:00' }],
    ['10:00–12:30, 2 March 1961', { notBefore: '1961-03-02T10:00:00', notAfter: '1961-03-02T12:30:00' }],
    ['1500 hours, December 3, 1965', { when: '1965-12-03T15:00:00' }],
  ])('%s', (text, expected) => {
    expect(parseDate(text, 'meeting')).toMatchObject({ ...expected, precision: 'minute' });
  });
});

describe('parseDate: page date forms', () => {
  it.each([
    ['Wednesday, March 26, 2014', { when: '2014-03-26', precision: 'day' }],
    ['2014-03-26T10:00:00', { when: '2014-03-26T10:00:00', precision: 'second' }],
    ['2014-03-26 10:00', { when: '2014-03-26T10:00:00', precision: 'minute' }],
    ['2014-03-26T10:00:30Z', { when: '2014-03-26T10:00:30Z', precision: 'second' }],
    ['03/26/2014', { when: '2014-03-26', precision: 'day' }],
    ['1950s', { notBefore: '1950', notAfter: '1959', precision: 'year' }],
  ])('%s', (text, expected) => {
    const v = parseDate(text, 'uploaded');
    expect(v).toMatchObject(expected);
    expect(v.inferred).toBeUndefined();
  });

  it('keeps "circa" as an approximation in the reasons', () => {
    const v = parseDate('c. 1955', 'catalogue');
    expect(v).toMatchObject({ when: '1955', precision: 'year' });
    expect(v.inferred).toMatch(/approximate/);
  });
});
