import type { DatePrecision } from '../../model/dates.js';
import { isoDate, isoTime } from './calendar.js';
import type { DateContext, DayParts, Normalised } from './date-parts.js';
import { parseDay } from './parse-day.js';
import { parseClockTime, timeSuffix, type ClockTime } from './parse-time.js';

const TIME = String.raw`\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?|hours|hrs\.?|h)?|\d{4}\s*(?:hours|hrs\.?|h)`;
const RANGE_START = String.raw`\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?`;
const TIME_RANGE_AT_END = new RegExp(String.raw`(?:^|[\s,]+)(?:at\s+|from\s+)?(${RANGE_START})\s*(?:-|to|until)\s*(${TIME})$`);
const TIME_AT_END = new RegExp(String.raw`(?:^|[\s,]+)(?:at\s+)?(${TIME})$`);
const TIME_RANGE_AT_START = new RegExp(String.raw`^(?:from\s+)?(${RANGE_START})\s*(?:-|to|until)\s*(${TIME})(?:\s*,\s*|\s+on\s+|\s+)(\S.*)$`);
const TIME_AT_START = new RegExp(String.raw`^(?:at\s+)?(${TIME})(?:\s*,\s*|\s+on\s+|\s+)(\S.*)$`);
/** What both range patterns need. */
const RANGE_WORD = /-|to|until/;

/** "2014-03-26T10:00:00", "2014-03-26 10:00", with "Z" kept when the source says UTC. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}:\d{2}(?::\d{2})?)(z?)$/;

function isoDateTime(m: RegExpExecArray, context: DateContext): Normalised | undefined {
  const day = parseDay(m[1]!, context);
  const time = parseClockTime(m[2]!);
  if (!day || !time) return undefined;
  const result = withTimes(day, time, undefined);
  if (m[3] !== '' && result.when !== undefined) result.when += 'Z';
  return result;
}

interface SplitTime {
  datePart: string;
  from?: ClockTime;
  to?: ClockTime;
}

/** The clock time or time range written after the date ("29 October, 5:00 p.m.") or before it ("10:00–12:30, 2 March 1961"). */
function splitTime(text: string): SplitTime {
  // Both range patterns need a range word: most dates have none and skip them.
  const ranged = RANGE_WORD.test(text);
  const endRange = ranged ? TIME_RANGE_AT_END.exec(text) : null;
  if (endRange) {
    const pair = timePair(endRange[1]!, endRange[2]!);
    if (pair) return { datePart: text.slice(0, endRange.index), ...pair };
  }
  const endSingle = TIME_AT_END.exec(text);
  const endTime = endSingle ? parseClockTime(endSingle[1]!) : undefined;
  if (endSingle && endTime) return { datePart: text.slice(0, endSingle.index), from: endTime };
  const startRange = ranged ? TIME_RANGE_AT_START.exec(text) : null;
  if (startRange) {
    const pair = timePair(startRange[1]!, startRange[2]!);
    if (pair) return { datePart: startRange[3]!, ...pair };
  }
  const startSingle = TIME_AT_START.exec(text);
  const startTime = startSingle ? parseClockTime(startSingle[1]!) : undefined;
  if (startSingle && startTime) return { datePart: startSingle[2]!, from: startTime };
  return { datePart: text };
}

/** "3:00–5:30 p.m.": the first time shares the second's a.m./p.m. when it has none of its own. */
function timePair(first: string, second: string): { from: ClockTime; to: ClockTime } | undefined {
  const from = parseClockTime(first, timeSuffix(first) === undefined ? timeSuffix(second) : undefined);
  const to = parseClockTime(second);
  return from && to ? { from, to } : undefined;
}

/** A date with an optional time or time range: "29 October, 5:00 p.m.", "3:00–5:30 p.m.", "10:00, 2 March 1961". */
export function parseDateTime(text: string, context: DateContext): Normalised | undefined {
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return isoDateTime(iso, context);
  const split = splitTime(text);
  const { from, to } = split;
  const datePart = trimDatePart(split.datePart);
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

const EDGE = /^[\s,]|[\s,]$/;

/** The date part without the commas and spaces around it, nor an "at"/"on" left by the time. */
function trimDatePart(text: string): string {
  const trimmed = EDGE.test(text) ? text.replace(/^[\s,]+|[\s,]+$/g, '') : text;
  return trimmed.endsWith('at') || trimmed.endsWith('on') ? trimmed.replace(/\s+(?:at|on)$/, '') : trimmed;
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
