import type { DatePrecision } from '../../model/dates.js';
import { isoDate, isoTime } from './calendar.js';
import type { DateContext, DayParts, Normalised } from './date-parts.js';
import { parseDay } from './parse-day.js';
import { parseClockTime, timeSuffix, type ClockTime } from './parse-time.js';

/** A date with an optional time or time range at its end: "29 October, 5:00 p.m.", "3:00–5:30 p.m.". */
const TIME = String.raw`\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?|hours|hrs\.?|h)?|\d{4}\s*(?:hours|hrs\.?|h)`;
const TIME_RANGE_AT_END = new RegExp(
  String.raw`(?:^|[\s,]+)(?:at\s+|from\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?)\s*(?:-|to|until)\s*(${TIME})$`,
);
const TIME_AT_END = new RegExp(String.raw`(?:^|[\s,]+)(?:at\s+)?(${TIME})$`);

export function parseDateTime(text: string, context: DateContext): Normalised | undefined {
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
