import type { DatePrecision } from '../../model/dates.js';
import { isoDate } from './calendar.js';
import { complete, type DateContext, type Normalised } from './date-parts.js';
import { monthFromName } from './month-names.js';
import { parseDay } from './parse-day.js';

const DAY_RANGE = /^(?:between|from)?\s*(\d{1,2})\s*(?:-|and|to|until)\s*(\d{1,2})\s+([a-z]+\.?)\s*(\d{4})?$/;
const MONTH_DAY_RANGE = /^(?:between|from)?\s*([a-z]+\.?)\s+(\d{1,2})\s*(?:-|and|to|until)\s*(\d{1,2})\s*(\d{4})?$/;
const RANGE_WORD = /-|and|to|until/;
const BETWEEN = /^(?:between|from)\s+(.+?)\s+(?:and|to|until)\s+(.+)$/;

/** "between 2nd and 5th of May 1960", "2–5 May 1960", "May 2–5, 1960", "between 3 May and 5 June 1960". */
export function parseRange(text: string, context: DateContext): Normalised | undefined {
  // Every range shape has one of these; compacting never creates one, so most dates stop here.
  if (!RANGE_WORD.test(text)) return undefined;
  const compact = text.replace(/\bof\b/g, ' ').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const dr = DAY_RANGE.exec(compact);
  const mdr = dr ? null : MONTH_DAY_RANGE.exec(compact);
  if (dr || mdr) {
    const [d1, d2, monthWord, yearText] = dr ? [dr[1], dr[2], dr[3], dr[4]] : [mdr![2], mdr![3], mdr![1], mdr![4]];
    const month = monthFromName(monthWord!);
    if (month === undefined) return undefined;
    const year = yearText !== undefined ? Number(yearText) : undefined;
    const a = complete(year, month, Number(d1), context);
    const b = complete(year, month, Number(d2), context);
    if (!a || !b || Number(d1) > Number(d2)) return undefined;
    return { notBefore: isoDate(a.year, a.month, a.day), notAfter: isoDate(b.year, b.month, b.day), precision: 'day', notes: a.notes };
  }
  const between = BETWEEN.exec(compact);
  if (!between) return undefined;
  const second = parseDay(between[2]!, context);
  if (!second) return undefined;
  // "between 3 May and 5 June 1960": the first date shares the year the text gives for the second.
  const firstContext: DateContext = second.year !== undefined ? { reference: { verbatim: '', origin: 'text', when: String(second.year) } } : context;
  const first = parseDay(between[1]!, firstContext);
  if (!first) return undefined;
  const firstNotes = second.year !== undefined && second.notes.length === 0 ? [] : first.notes;
  const precision: DatePrecision = first.day !== undefined && second.day !== undefined ? 'day' : 'month';
  return {
    notBefore: isoDate(first.year, first.month, first.day),
    notAfter: isoDate(second.year, second.month, second.day),
    precision,
    notes: [...firstNotes, ...second.notes],
  };
}
