import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../src/ingest/dates/index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ordinal = (d: number): string => {
  const teen = d % 100 >= 11 && d % 100 <= 13;
  return `${d}${teen ? 'th' : d % 10 === 1 ? 'st' : d % 10 === 2 ? 'nd' : d % 10 === 3 ? 'rd' : 'th'}`;
};

/** Real calendar days of the twentieth century, built from a Date so every day exists. */
const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(1999, 11, 31)), noInvalidDate: true })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));

const writers: Array<(x: { y: number; m: number; d: number }) => string> = [
  (x) => `${MONTHS[x.m - 1]} ${x.d}, ${x.y}`,
  (x) => `${MONTHS[x.m - 1]} ${pad(x.d)}, ${x.y}`,
  (x) => `${x.d} ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${x.y} ${MONTHS[x.m - 1]} ${x.d}`,
  (x) => `${MONTHS[x.m - 1]!.slice(0, 3)}. ${x.d}, ${x.y}`,
  (x) => `${MONTHS[x.m - 1]} ${ordinal(x.d)}, ${x.y}`,
  (x) => `${x.d} [${MONTHS[x.m - 1]} ${x.y}]`,
  (x) => `“${x.d}” ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${x.d}.${ROMAN[x.m - 1]}.${x.y}`,
  (x) => `${x.d}.${x.m}.${x.y}`,
  (x) => `${x.y}-${pad(x.m)}-${pad(x.d)}`,
];

describe('parseDate properties', () => {
  it('every written form of a real day parses back to the same ISO date', () => {
    fc.assert(
      fc.property(day, fc.nat(writers.length - 1), (x, i) => {
        const text = writers[i]!(x);
        const v = parseDate(text, 'text');
        expect(v.when).toBe(`${x.y}-${pad(x.m)}-${pad(x.d)}`);
        expect(v.precision).toBe('day');
        expect(v.verbatim).toBe(text);
      }),
    );
  });

  it('two-digit years come back within the window of the reference year (1877–1976 for 1966), marked inferred', () => {
    fc.assert(
      fc.property(day.filter((x) => x.y <= 1976), (x) => {
        const v = parseDate(`${x.d}.${x.m}.${pad(x.y % 100)}`, 'text', {
          reference: { verbatim: '1966', origin: 'catalogue', when: '1966', precision: 'year' },
        });
        expect(v.when).toBe(`${x.y}-${pad(x.m)}-${pad(x.d)}`);
        expect(v.inferred).toMatch(/century/);
      }),
    );
  });

  it('times with a.m./p.m. map to the 24-hour clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.boolean(), (h, m, pm) => {
        const v = parseDate(`${h}:${pad(m)} ${pm ? 'p.m.' : 'a.m.'}`, 'text');
        const h24 = (h % 12) + (pm ? 12 : 0);
        expect(v.when).toBe(`${pad(h24)}:${pad(m)}:00`);
      }),
    );
  });

  it('a date embedded in arbitrary words is found at its exact offsets', () => {
    const word = fc.constantFrom('the', 'meeting', 'was', 'held', 'on', 'and', 'Ambassador', 'said', '—');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), day, fc.array(word, { maxLength: 6 }), (before, x, after) => {
        const date = `${x.d} ${MONTHS[x.m - 1]} ${x.y}`;
        const prefix = before.length > 0 ? before.join(' ') + ' ' : '';
        const text = `${prefix}${date}${after.length > 0 ? ' ' + after.join(' ') : ''}.`;
        const found = findDates(text);
        expect(found).toHaveLength(1);
        expect(found[0]!.start).toBe(prefix.length);
        expect(found[0]!.verbatim).toBe(date);
      }),
    );
  });

  it('never throws and always keeps the verbatim text on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(parseDate(s, 'text').verbatim).toBe(s);
        for (const f of findDates(s)) expect(s.slice(f.start, f.end)).toBe(f.verbatim);
      }),
    );
  });
});
