import type { DateOrigin, DateValue } from '../../model/dates.js';
import type { DateContext, Normalised } from './date-parts.js';
import { parseDateTime } from './parse-date-time.js';
import { parseRange } from './parse-range.js';
import { referenceYear } from './resolve-year.js';

export type { DateContext } from './date-parts.js';

/**
 * Parses one date expression as written. Always returns the verbatim text; `when` (or
 * notBefore/notAfter) and `precision` only when the expression could be normalised.
 * A part not in the text (a year from the reference, a century) is named in `inferred`.
 */
export function parseDate(verbatim: string, origin: DateOrigin, context: DateContext = {}): DateValue {
  return dateParser(origin, context)(verbatim);
}

/** Date values by context key, then by verbatim text. */
const PARSED = new Map<string, Map<string, DateValue>>();
/** Distinct dates held in PARSED; all are dropped past the bound, so memory stays flat. */
let parsedCount = 0;
const MAX_PARSED = 20_000;

/**
 * parseDate for one origin and context, for a caller with many expressions to parse (findDates).
 * Pages repeat their dates (the catalogue date, a meeting's day): each distinct one is parsed once.
 */
export function dateParser(origin: DateOrigin, context: DateContext = {}): (verbatim: string) => DateValue {
  // Of the context, the value depends only on the reference's year and on its label.
  const key = `${origin}|${referenceYear(context.reference) ?? ''}|${context.referenceLabel ?? ''}`;
  let byText = PARSED.get(key);
  if (byText === undefined) PARSED.set(key, (byText = new Map()));
  const known = byText;
  return (verbatim) => {
    let value = known.get(verbatim);
    if (value === undefined) {
      // Past the bound all are dropped; `known` may outlive that, but only as long as this parser.
      if (parsedCount >= MAX_PARSED) {
        PARSED.clear();
        parsedCount = 0;
      }
      value = parseUncached(verbatim, origin, context);
      known.set(verbatim, value);
      parsedCount++;
    }
    // A copy: the caller owns its value, as if it had been parsed anew.
    return { ...value };
  };
}

function parseUncached(verbatim: string, origin: DateOrigin, context: DateContext): DateValue {
  const value: DateValue = { verbatim, origin };
  let cleaned = clean(verbatim);
  const approximate = APPROXIMATE.exec(cleaned);
  if (approximate) cleaned = cleaned.slice(approximate[0].length);
  if (cleaned === '') return value;
  const result = parseRange(cleaned, context) ?? parseDecade(cleaned) ?? parseDateTime(cleaned, context);
  if (!result) return value;
  if (approximate) result.notes.push(`approximate: the source says "${approximate[1]!}"`);
  if (result.when !== undefined) value.when = result.when;
  if (result.notBefore !== undefined) value.notBefore = result.notBefore;
  if (result.notAfter !== undefined) value.notAfter = result.notAfter;
  value.precision = result.precision;
  if (result.notes.length > 0) value.inferred = [...new Set(result.notes)].join('; ');
  return value;
}

/** "Wednesday, March 26, 2014": the weekday adds nothing the date does not say. */
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;
const APPROXIMATE = /^(c\.|ca\.|circa|approx\.|approximately|about)\s*/;

/** "1950s": the decade as a range of years. */
function parseDecade(text: string): Normalised | undefined {
  const m = /^(\d{3})0'?s$/.exec(text);
  if (!m) return undefined;
  return { notBefore: `${m[1]}0`, notAfter: `${m[1]}9`, precision: 'year', notes: [] };
}

const MARKS = /[[\]“”"„«»]/;
const MARKS_ALL = /[[\]“”"„«»]/g;
/** Whitespace other than single spaces: only then is there any to collapse. */
const ODD_SPACE = /\s{2}|[^\S ]/;
const SPACES_ALL = /[\u00a0\s]+/g;
const UNDATED = /^\s*(undated|n\.d\.)\s*/i;
const DASH = /[–—‒]/;
const DASHES_ALL = /[–—‒-]/g;
const ORDINAL = /\d(?:st|nd|rd|th)\b/;
const ORDINALS_ALL = /(\d)(st|nd|rd|th)\b/g;
const EDGE = /^[\s,;]|[\s,;]$/;
const EDGES_ALL = /^[\s,;]+|[\s,;]+$/g;

/**
 * Editorial brackets and quote marks are read through ("28 [October 1965]", "“13” June 1956").
 * Each global replace runs only when a cheap test finds something to replace: most dates need none.
 */
function clean(text: string): string {
  let out = text;
  if (MARKS.test(out)) out = out.replace(MARKS_ALL, '');
  if (ODD_SPACE.test(out)) out = out.replace(SPACES_ALL, ' ');
  out = out.replace(UNDATED, '').replace(WEEKDAY, '');
  if (DASH.test(out)) out = out.replace(DASHES_ALL, '-');
  out = out.toLowerCase();
  if (ORDINAL.test(out)) out = out.replace(ORDINALS_ALL, '$1');
  if (EDGE.test(out)) out = out.replace(EDGES_ALL, '');
  return out;
}
