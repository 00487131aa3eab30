import type { DateOrigin, DateValue } from '../../model/dates.js';
import { monthNamePattern, ROMAN_MONTH_PATTERN } from './month-names.js';
import { dateParser, type DateContext } from './parse-date.js';

/** A date found in running text: its place in the text and its parsed value. */
export interface FoundDate {
  start: number;
  end: number;
  verbatim: string;
  value: DateValue;
}

// Editorial brackets and quote marks may wrap any part: "28 [October 1965]", "“13” June 1956".
const OPEN = '[\\[“"]?';
const CLOSE = '[\\]”"]?';
const MONTH = `${OPEN}${monthNamePattern()}${CLOSE}`;
const DAY = `${OPEN}\\d{1,2}(?:st|nd|rd|th)?${CLOSE}`;
const YEAR = `${OPEN}\\d{4}${CLOSE}`;
const SUFFIX = '(?:[ap]\\.m\\.|[AP]\\.M\\.|[AP]M\\b|[ap]m\\b|hours\\b|hrs\\b\\.?)';
const TIME = `(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?${SUFFIX})?|\\d{1,2}(?:\\.\\d{2})?\\s?${SUFFIX}|\\d{4}\\s?(?:hours|hrs)\\b)`;
const TIME_RANGE = `(?:\\d{1,2}(?::\\d{2})?\\s?(?:[–—-]|to)\\s?${TIME})`;
const AT_TIME = `(?:,?\\s+(?:at\\s+)?(?:${TIME_RANGE}|${TIME}))?`;
const WITH_YEAR = `(?:,?\\s+${YEAR})`;

/**
 * Every date shape, first match wins, each with what it can start with: "b"etween, "f"rom, an
 * "o"pening bracket or quote, a "d"igit, a "m"onth's capital.
 */
const SHAPES: ReadonlyArray<readonly [string, string]> = [
  [`between\\s+${DAY}\\s+and\\s+${DAY}(?:\\s+of)?\\s+${MONTH}${WITH_YEAR}?`, 'b'],
  [`from\\s+${DAY}\\s+(?:to|until)\\s+${DAY}(?:\\s+of)?\\s+${MONTH}${WITH_YEAR}?`, 'f'],
  [`${DAY}\\s?[–—-]\\s?${DAY}\\s+${MONTH}${WITH_YEAR}?`, 'od'],
  [`${MONTH}\\s+${DAY}\\s?[–—-]\\s?${DAY}(?![\\d:])${WITH_YEAR}?`, 'om'],
  [`${YEAR}\\s+${MONTH}\\s+${DAY}(?![\\d])`, 'od'],
  [`${DAY}(?:\\s+of)?\\s+${MONTH}${WITH_YEAR}?${AT_TIME}`, 'od'],
  [`${MONTH}\\s+${DAY}(?![\\d:])${WITH_YEAR}?${AT_TIME}`, 'om'],
  [`${MONTH},?\\s+${YEAR}`, 'om'],
  [`\\d{4}-\\d{2}-\\d{2}`, 'd'],
  // The only capturing group of every finder: "\\1" stays right whichever shapes come before.
  [`\\d{1,2}([./])(?:\\d{1,2}|${ROMAN_MONTH_PATTERN})\\1(?:\\d{4}|\\d{2})(?![\\d])`, 'd'],
  [`\\d{1,2}[./]${ROMAN_MONTH_PATTERN}(?![A-Za-z\\d])`, 'd'],
  [`(?:${TIME_RANGE}|${TIME}),?\\s+(?:on\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}${WITH_YEAR}?`, 'd'],
  [`(?:${TIME_RANGE}|${TIME}),?\\s+(?:on\\s+)?${MONTH}\\s+${DAY}(?![\\d:])${WITH_YEAR}?`, 'd'],
  [TIME_RANGE, 'd'],
  [TIME, 'd'],
];

/** The shapes that can start with one kind of character, in their order; compiled once, tried only where a date can start. */
function finder(kind: string): RegExp {
  const shapes = SHAPES.filter(([, starts]) => starts.includes(kind)).map(([shape]) => shape);
  return new RegExp(`(?:${shapes.join('|')})`, 'y');
}

/** One finder per kind of first character: a digit need not try the month shapes, nor a month the numeric ones. */
const FINDERS = { b: finder('b'), f: finder('f'), o: finder('o'), d: finder('d'), m: finder('m') };

function finderAt(c: string): RegExp {
  if (c >= '0' && c <= '9') return FINDERS.d;
  if (c === '[' || c === '“' || c === '"') return FINDERS.o;
  if (c === 'b') return FINDERS.b;
  if (c === 'f') return FINDERS.f;
  return FINDERS.m;
}
/** A month's capital where its name starts: "Jan", "JAN", "JaN" (the finders decide which spellings are months). */
const MONTH_START = 'J(?=[aA][nN]|[uU][nNlL])|F(?=[eE][bB])|M(?=[aA][rRyY])|A(?=[pP][rR]|[uU][gG])|S(?=[eE][pP])|O(?=[cC][tT])|N(?=[oO][vV])|D(?=[eE][cC])';
/**
 * Where a date can start: a digit, an editorial bracket or quote, a month's capital, "between",
 * "from". Lookaheads keep out the capitals of other words, so the loop sees few candidates.
 */
const CANDIDATE_SOURCE = `[\\d[“"]|${MONTH_START}|\\b(?:between|from)\\b`;
const CANDIDATE = new RegExp(CANDIDATE_SOURCE, 'g');
const CANDIDATE_AT = new RegExp(CANDIDATE_SOURCE, 'y');
/** A date starts at a word start: "123 May" is not "23 May", "p.12" is not a date. */
const GLUED_BEFORE = /[\w.:/]/;

function isGlued(text: string, at: number): boolean {
  return at > 0 && GLUED_BEFORE.test(text[at - 1]!);
}

const HAS_DIGIT = /\d/;

/**
 * Every date or time in running text that parses to an ISO value, left to right, not overlapping.
 * Bare years are not reported: "1,955 tons" and "in 1955" cannot be told apart safely.
 * Linear in practice: the full pattern runs only at the few places a date can start.
 */
export function findDates(text: string, origin: DateOrigin = 'text', context: DateContext = {}): FoundDate[] {
  const found: FoundDate[] = [];
  // Every shape has a digit: most lines have none and need no search.
  if (!HAS_DIGIT.test(text)) return found;
  // Made at the first date-shaped match: many texts with a digit hold no date at all.
  let parse: DateParse | undefined;
  CANDIDATE.lastIndex = 0;
  for (let c = CANDIDATE.exec(text); c !== null; c = CANDIDATE.exec(text)) {
    if (isGlued(text, c.index)) continue;
    const verbatim = dateTextAt(text, c.index);
    if (verbatim === undefined) continue;
    const date = parsedDate(verbatim, c.index, (parse ??= dateParser(origin, context)));
    if (date) {
      found.push(date);
      CANDIDATE.lastIndex = date.end;
    }
  }
  return found;
}

/**
 * The date findDates would report first when it starts the text, without searching the rest:
 * for a line that must be a date and nothing else (a journal entry's date line).
 */
export function findDateAtStart(text: string, origin: DateOrigin = 'text', context: DateContext = {}): FoundDate | undefined {
  if (!HAS_DIGIT.test(text)) return undefined;
  CANDIDATE_AT.lastIndex = 0;
  if (!CANDIDATE_AT.test(text)) return undefined;
  const verbatim = dateTextAt(text, 0);
  return verbatim === undefined ? undefined : parsedDate(verbatim, 0, dateParser(origin, context));
}

type DateParse = (verbatim: string) => DateValue;

/** The date-shaped text starting exactly at `at`, a CANDIDATE place, if any. */
function dateTextAt(text: string, at: number): string | undefined {
  const finder = finderAt(text[at]!);
  finder.lastIndex = at;
  const m = finder.exec(text);
  // A closing bracket or quote belongs to the date only when the date opened it.
  return m ? trimUnopened(m[0]) : undefined;
}

/** The date at `at` with text `verbatim`, when that text parses to a value. */
function parsedDate(verbatim: string, at: number, parse: DateParse): FoundDate | undefined {
  const value = parse(verbatim);
  if (value.when === undefined && value.notBefore === undefined) return undefined;
  return { start: at, end: at + verbatim.length, verbatim, value };
}

function trimUnopened(text: string): string {
  // Only a closing bracket or quote at the end can be trimmed: most dates end in a digit or letter.
  const last = text[text.length - 1];
  if (last !== ']' && last !== '”' && last !== '"') return text;
  let out = text;
  for (const [open, close] of [['[', ']'], ['“', '”']] as const) {
    if (out.endsWith(close) && count(out, open) < count(out, close)) out = out.slice(0, -1);
  }
  if (out.endsWith('"') && count(out, '"') % 2 === 1) out = out.slice(0, -1);
  return out;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
