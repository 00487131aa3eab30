import type { DateOrigin, DatePrecision, DateValue } from '../../model/dates.js';
import { isoDate, isoTime, isValidDay } from './calendar.js';
import { monthFromName, monthFromRoman } from './month-names.js';
import { parseClockTime, timeSuffix, type ClockTime } from './parse-time.js';
import { referenceYear, resolveTwoDigitYear } from './resolve-year.js';

export interface DateContext {
  /** A date to borrow missing parts from (the catalogue date); any borrowed part is marked `inferred`. */
  reference?: DateValue;
  /** How to name the reference in `inferred` reasons; default "catalogue date". */
  referenceLabel?: string;
}

/** A calendar date read from the text; `year` may be missing ("29 October"). */
interface DayParts {
  year?: number;
  month?: number;
  day?: number;
  notes: string[];
}

interface Normalised {
  when?: string;
  notBefore?: string;
  notAfter?: string;
  precision: DatePrecision;
  notes: string[];
}

/**
 * Parses one date expression as written. Always returns the verbatim text; `when` (or
 * notBefore/notAfter) and `precision` only when the expression could be normalised.
 * A part not in the text (a year from the reference, a century) is named in `inferred`.
 */
export function parseDate(verbatim: string, origin: DateOrigin, context: DateContext = {}): DateValue {
  const value: DateValue = { verbatim, origin };
  const cleaned = clean(verbatim);
  if (cleaned === '') return value;
  const result = parseRange(cleaned, context) ?? parseDateTime(cleaned, context);
  if (!result) return value;
  if (result.when !== undefined) value.when = result.when;
  if (result.notBefore !== undefined) value.notBefore = result.notBefore;
  if (result.notAfter !== undefined) value.notAfter = result.notAfter;
  value.precision = result.precision;
  if (result.notes.length > 0) value.inferred = [...new Set(result.notes)].join('; ');
  return value;
}

/** Editorial brackets and quote marks are read through ("28 [October 1965]", "“13” June 1956"). */
function clean(text: string): string {
  return text
    .replace(/[[\]“”"„«»]/g, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/^\s*(undated|n\.d\.)\s*/i, '')
    .replace(/[–—‒-]/g, '-')
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
}

const TIME = String.raw`\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?|hours|hrs\.?|h)?|\d{4}\s*(?:hours|hrs\.?|h)`;
const TIME_RANGE_AT_END = new RegExp(
  String.raw`(?:^|[\s,]+)(?:at\s+|from\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?)\s*(?:-|to|until)\s*(${TIME})$`,
);
const TIME_AT_END = new RegExp(String.raw`(?:^|[\s,]+)(?:at\s+)?(${TIME})$`);

function parseDateTime(text: string, context: DateContext): Normalised | undefined {
  let datePart = text;
  let from: ClockTime | undefined;
  let to: ClockTime | undefined;
  const range = TIME_RANGE_AT_END.exec(text);
  if (range) {
    const suffix = timeSuffix(range[2]!);
    from = parseClockTime(range[1]!, timeSuffix(range[1]!) === undefined ? suffix : undefined);
    to = parseClockTime(range[2]!);
    if (from && to) datePart = text.slice(0, range.index);
    else from = to = undefined;
  }
  if (!from) {
    const single = TIME_AT_END.exec(text);
    const time = single ? parseClockTime(single[1]!) : undefined;
    if (single && time) {
      from = time;
      datePart = text.slice(0, single.index);
    }
  }
  datePart = datePart.replace(/^[\s,]+|[\s,]+$/g, '').replace(/\s+at$/, '');
  if (datePart === '') {
    if (!from) return undefined;
    return withTimes(undefined, from, to);
  }
  const day = parseDay(datePart, context);
  if (!day) return undefined;
  if (!from) return dateOnly(day);
  if (day.day === undefined || day.year === undefined) return dateOnly(day); // a time needs a full date
  return withTimes(day, from, to);
}

function dateOnly(d: DayParts): Normalised {
  const precision: DatePrecision = d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
  return { when: isoDate(d.year, d.month, d.day), precision, notes: d.notes };
}

function withTimes(d: DayParts | undefined, from: ClockTime, to: ClockTime | undefined): Normalised {
  const stamp = (t: ClockTime): string =>
    (d ? `${isoDate(d.year, d.month, d.day)}T` : '') + isoTime(t.hour, t.minute, t.second ?? 0);
  const precision: DatePrecision = from.second !== undefined || to?.second !== undefined ? 'second' : 'minute';
  const notes = d?.notes ?? [];
  if (to) return { notBefore: stamp(from), notAfter: stamp(to), precision, notes };
  return { when: stamp(from), precision, notes };
}

/** One calendar date without a time: every written form of input-formats.md. */
function parseDay(text: string, context: DateContext): DayParts | undefined {
  const tokens = text.replace(/\bof\b/g, ' ').split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 1 && /[./-]/.test(tokens[0]!) && !/^[a-z]+\.$/.test(tokens[0]!)) {
    return parseNumeric(tokens[0]!, context);
  }
  if (tokens.length === 2 && /^\d{1,2}$/.test(tokens[0]!) && monthFromRoman(tokens[1]!) !== undefined) {
    return complete(undefined, monthFromRoman(tokens[1]!), Number(tokens[0]), context);
  }
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const order: string[] = [];
  for (const token of tokens) {
    const m = monthFromName(token);
    if (m !== undefined && month === undefined) {
      month = m;
      order.push('M');
    } else if (/^\d{4}$/.test(token) && year === undefined) {
      year = Number(token);
      order.push('Y');
    } else if (/^\d{1,2}$/.test(token) && day === undefined) {
      day = Number(token);
      order.push('D');
    } else return undefined;
  }
  const shape = order.join('');
  const allowed = ['Y', 'MY', 'YM', 'MDY', 'DMY', 'YMD', 'DM', 'MD'];
  if (!allowed.includes(shape)) return undefined;
  if (year !== undefined && (year < 1000 || year > 2999)) return undefined;
  return complete(year, month, day, context);
}

/** "13.10.50", "10/14/50", "12.III.57", "12/X", "1965-10-29". */
function parseNumeric(token: string, context: DateContext): DayParts | undefined {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(token);
  if (iso) return complete(Number(iso[1]), Number(iso[2]), iso[3] !== undefined ? Number(iso[3]) : undefined, context);
  const m = /^(\d{1,2})([./])([0-9]{1,2}|[ivx]{1,4})(?:\2(\d{2}|\d{4}))?\.?$/.exec(token);
  if (!m) return undefined;
  const first = Number(m[1]);
  const roman = monthFromRoman(m[3]!);
  const notes: string[] = [];
  let year: number | undefined;
  if (m[4] !== undefined && m[4].length === 2) {
    const resolved = resolveTwoDigitYear(Number(m[4]), referenceYear(context.reference));
    year = resolved.year;
    notes.push(resolved.reason);
  } else if (m[4] !== undefined) year = Number(m[4]);
  let day: number;
  let month: number;
  if (/^[ivx]+$/.test(m[3]!)) {
    if (roman === undefined) return undefined;
    day = first;
    month = roman;
  } else {
    if (m[4] === undefined) return undefined; // "12/10" alone: neither order nor year is known
    const second = Number(m[3]);
    if (m[2] === '.') {
      // Dotted numeric dates are European: day first.
      day = first;
      month = second;
    } else if (first > 12) {
      day = first;
      month = second;
    } else {
      // Slashed dates in these translations follow the American order unless the first part cannot be a month.
      month = first;
      day = second;
      if (second <= 12 && first !== second) notes.push('month/day order assumed to be month first');
    }
  }
  const parts = complete(year, month, day, context);
  if (parts) parts.notes.unshift(...notes);
  return parts;
}

/** Validates, and borrows a missing year from the reference (marked inferred). */
function complete(year: number | undefined, month: number | undefined, day: number | undefined, context: DateContext): DayParts | undefined {
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (month === undefined || !isValidDay(year, month, day))) return undefined;
  if (month === undefined && year === undefined) return undefined;
  const notes: string[] = [];
  if (year === undefined) {
    const refYear = referenceYear(context.reference);
    if (refYear !== undefined) {
      if (day !== undefined && !isValidDay(refYear, month!, day)) return undefined;
      year = refYear;
      notes.push(`year ${refYear} taken from the ${context.referenceLabel ?? 'catalogue date'}`);
    } else if (day === undefined) return undefined; // a month alone is not a date
  }
  const parts: DayParts = { notes };
  if (year !== undefined) parts.year = year;
  if (month !== undefined) parts.month = month;
  if (day !== undefined) parts.day = day;
  return parts;
}

const DAY_RANGE = /^(?:between|from)?\s*(\d{1,2})\s*(?:-|and|to|until)\s*(\d{1,2})\s+([a-z]+\.?)\s*(\d{4})?$/;
const MONTH_DAY_RANGE = /^(?:between|from)?\s*([a-z]+\.?)\s+(\d{1,2})\s*(?:-|and|to|until)\s*(\d{1,2})\s*(\d{4})?$/;
const BETWEEN = /^(?:between|from)\s+(.+?)\s+(?:and|to|until)\s+(.+)$/;

/** "between 2nd and 5th of May 1960", "2–5 May 1960", "May 2–5, 1960", "between 3 May and 5 June 1960". */
function parseRange(text: string, context: DateContext): Normalised | undefined {
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
