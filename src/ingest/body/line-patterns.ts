import type { MarkingBlock } from '../../model/blocks.js';

/** NBSP-only lines look blank and are blank: the page reader's test, which has a fast path. */
export { isBlank } from '../page/line-kinds.js';

const MARKINGS: Array<[RegExp, MarkingBlock['markingType']]> = [
  [/^(?:top secret|secret|confidential|strictly (?:secret|confidential)|absolutely secret|for official use only|restricted|eyes only|personal and confidential)\b[^a-z]{0,3}(?:\s*[-–—,]?\s*(?:urgent|personal|top priority|copy\s+\S+))?[.!]?$/i, 'classification'],
  [/^(?:copy|copy no\.?|copy n[º°o]\.?|copy #)\s*(?:n[º°o]\.?\s*|no\.?\s*|#\s*)?\d+[a-z]?(?:\s+of\s+\d+)?\.?$/i, 'copy'],
  [/^(?:n[º°]\s*\S.{0,30}|no\.\s*\(?\d[\d()/\s.-]{0,20}[a-z]?|(?:memorandum|telegram|cable|report|order|decision|resolution|protocol) no\.?\s*\S{1,20}|(?:incoming|outgoing)\s+(?:no\.|n[º°])\s*\S+)$/i, 'registry'],
  [/^(?:urgent|very urgent|most urgent|top priority|priority|immediate|flash|extra urgent)[.!]?$/i, 'urgency'],
  [/^(?:sent|received|dispatched|deciphered|decoded|transmitted|typed|printed)\b.{0,120}$/i, 'transmission'],
  [/^\(?not yet proof-?read\)?\.?$/i, 'review'],
  [/^\d+\s+copies\b.{0,60}$/i, 'distribution'],
];

/**
 * What every pattern of MARKINGS starts with (same flags): a line that starts otherwise, as most
 * lines do, is settled by this one test instead of seven.
 */
const MARKING_START =
  /^(?:top|secret|confidential|strictly|absolutely|for official|restricted|eyes only|personal and|copy|n[º°]|no\.|memorandum|telegram|cable|report|order|decision|resolution|protocol|incoming|outgoing|urgent|very|most|priority|immediate|flash|extra|sent|received|dispatched|deciphered|decoded|transmitted|typed|printed|\(?not yet|\d)/i;

/** The kind of marking a whole line is, or undefined for any other line. */
export function markingType(line: string): MarkingBlock['markingType'] | undefined {
  const text = line.trim();
  if (text.length > 140 || !MARKING_START.test(text)) return undefined;
  for (const [pattern, type] of MARKINGS) {
    if (pattern.test(text)) {
      // "Sent: …" has a label and is a header field only when it is short; longer prose is a paragraph.
      if (type === 'transmission' && /[.!?]\s+\p{Lu}/u.test(text)) return undefined;
      return type;
    }
  }
  return undefined;
}

/** "* * *", "-----", "___", "=====": a visual separator, kept verbatim. */
export function isSeparator(line: string): boolean {
  const text = line.trim();
  return /^[*_=~#·•\-–—.\s]+$/.test(text) && text.replace(/\s/g, '').length >= 3 && !/^\.+$/.test(text.replace(/\s/g, ''));
}

/** "[...]", "[…]": a block-level omission marker of a record export. */
export function isGapMarker(line: string): boolean {
  const text = line.trim();
  return text.startsWith('[') && /^\[(?:\.\s?){2,}\.?\]$|^\[\.*…+\.*\]$/.test(text);
}

/** A dash or bullet item: label as written and the text after it. */
export function listItem(line: string): { label: string; rest: string; listType: 'dash' | 'bulleted' } | undefined {
  const m = /^\s*([-–—]|[•·▪◦*])\s+(\S.*)$/.exec(line);
  if (!m || isSeparator(line)) return undefined;
  return { label: m[1]!, rest: m[2]!, listType: /[-–—]/.test(m[1]!) ? 'dash' : 'bulleted' };
}

const NUMBER_PREFIX = /^\s*(\d{1,3}\.|\(\d{1,3}\)|\d{1,3}\)|[IVXL]{1,6}\.|[a-z]\.|\([a-z]\)|[a-z]\))[\s\u00a0]+(?=\S)/;

/** A numbered paragraph: "1.", "(1)", "1)", "I.", "a.", "(a)", with the text after it. */
export function paragraphNumber(line: string): { number: string; rest: string } | undefined {
  const m = NUMBER_PREFIX.exec(line);
  if (!m) return undefined;
  return { number: m[1]!, rest: line.slice(m[0].length) };
}

/** What both notes-heading patterns start with (same case rule). */
const NOTES_HEADING_START = /^(?:translator|notes|footnotes|endnotes|references)/i;

/** "Notes", "Footnotes", "Translator's Notes": the heading of a notes section. */
export function notesHeading(line: string): 'footnote' | 'translator' | undefined {
  const text = line.trim();
  // Asked of every line of the body: one test of the opening words before the two full patterns.
  if (!NOTES_HEADING_START.test(text)) return undefined;
  if (/^(?:translator['’]?s?\s+(?:foot)?notes?|notes of the translator)\s*:?$/i.test(text)) return 'translator';
  if (/^(?:notes|footnotes|endnotes|references)\s*:?$/i.test(text)) return 'footnote';
  return undefined;
}

/** A note line: "[1] text", "(1) text", "1. text", "1 text", "* text". */
export function noteLine(line: string): { n: string; marker: string } | undefined {
  const m = /^\s*(\[(\d{1,3}|\*+)\]|\((\d{1,3})\)|(\d{1,3})[.)]?|(\*+))[\s\u00a0]+\S/.exec(line);
  if (!m) return undefined;
  return { n: (m[2] ?? m[3] ?? m[4] ?? m[5])!, marker: m[1]! };
}

/** "Attachment:", "Enclosure 1", "Appendix": the start of another document on the same page. */
export function documentStart(line: string): string | undefined {
  // Alone on its line, or with a short title after a colon: "Attachment: Letter of the Embassy".
  const m = /^\s*(attachment|enclosure|appendix|annex|supplement)(?:\s+(?:no\.\s*)?[\dIVX]+)?\s*(?:[:.]\s*|:\s*\p{Lu}[^.!?]{0,100})?$/iu.exec(line);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** A short line in capitals ("JOURNAL", "RECORD OF CONVERSATION"): a heading, not prose. */
export function isCapitalsHeading(line: string): boolean {
  const text = line.trim();
  // The lower-case test first: it fails at once on prose, where the search for two capitals reads the whole line.
  return text.length >= 4 && text.length <= 100 && !/\p{Ll}/u.test(text) && /\p{Lu}{2}/u.test(text) && !/[.:]$/.test(text);
}
