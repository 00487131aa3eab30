/** Recognisers for single page lines. Each regex is compiled once and anchored, with no nested quantifiers. */

/** Nothing visible: NBSP-only lines count as blank. */
export function isBlank(text: string): boolean {
  // Most lines start with a visible ASCII character: settled without running the regex.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  // A regex, not trim(): trim copies every long line, and this runs on each line several times.
  return BLANK.test(text);
}

const BLANK = /^\s*$/;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,? )?';
const DATE_LINE = new RegExp(
  '^' +
    WEEKDAY +
    '(?:' +
    [
      `undated(?: \\[[^\\]]{1,40}\\])?`,
      `(?:(?:c\\.|ca\\.|circa) )?(?:${MONTH} (?:\\d{1,2}(?:st|nd|rd|th)?, )?)?\\d{4}s?`,
      `\\d{1,2} ${MONTH},? \\d{4}`,
      `\\d{4}-\\d{2}(?:-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?Z?)?)?`,
      `\\d{1,2}/\\d{1,2}/\\d{2,4}`,
      `\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}`,
    ].join('|') +
    ')$',
  'i',
);

/** A catalogue or upload date standing alone on its line: "December 15, 1965", "October 1976", "1955". */
export function looksLikeDate(text: string): boolean {
  if (text.length > 80) return false;
  const t = text.trim();
  return t.length <= 60 && DATE_LINE.test(t);
}

const YEAR = /\b(?:1[6-9]\d\d|20\d\d)s?\b/;
const SENTENCE_END = /[.!?:;]$/;

/**
 * Looser test for the line where a layout puts its date: short, holding a year, not a sentence
 * ("Spring 1960", "Late 1950s", "c. October 1956"). The date parser decides what it means.
 */
export function looksLikeHeaderDate(text: string): boolean {
  if (looksLikeDate(text)) return true;
  if (text.length > 40) return false;
  const t = text.trim();
  return YEAR.test(t) && !SENTENCE_END.test(t) && t.split(/\s+/).length <= 5 && !t.includes('\n');
}

// Case-sensitive on purpose: a lower-case "the" is the sentence's article, a capital "The" begins a name.
const FUNDER_LINE = /^\s*(This document was made possible with support from)(?:\s+(the)\b)?\s*(.*)$/;

/** "This document was made possible with support from [the] X": the prefix and the list after it. */
export function matchFunderLine(text: string): { prefix: string; list: string } | undefined {
  const m = FUNDER_LINE.exec(text);
  if (!m) return undefined;
  return { prefix: m[2] ? `${m[1]} ${m[2]}` : m[1]!, list: m[3]!.trim() };
}

const BOLD = /^\*\*(.*)\*\*$/;

/** Markdown bold line of a record export ("**Title**"), its inner text. */
export function boldText(text: string): string | undefined {
  if (!text.trimStart().startsWith('**')) return undefined;
  const m = BOLD.exec(text.trim());
  return m ? m[1]!.trim() : undefined;
}

const GAP_MARK = /^\[\s*(?:\.\s*){3,4}\]$|^\[…\.?\]$/;

/** A record export's "[...]" line around the text. */
export function isGapMarkLine(text: string): boolean {
  if (text.length > 40) return false;
  return GAP_MARK.test(text.trim());
}

/** Old-site indentation: 4 or more spaces, a tab, or NBSPs before the text. */
export function isIndented(text: string): boolean {
  return /^(?: {4}|\t|\u00a0)/.test(text) && !isBlank(text);
}

/** Lines that open a document's text, never its title: markings, salutations, addressees, labelled fields. */
const NOT_A_TITLE =
  /^(?:TOP SECRET|SECRET|CONFIDENTIAL|Strictly secret|Top Secret!?|Copy N[ºo°.]|N[ºo°]\.? ?\d|No\. ?\(?\d|Urgent|Top Priority|Dear\b|\[?To\b|Time:|Date:|Place:|Participants:|From:|Subject:)/i;

/**
 * Can this line be a page's title? A title is neither a marking nor a salutation, and does not end
 * like the start of a letter (":" or ","). Used where a layout's title may be missing.
 */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 400 || matchFunderLine(t)) return false;
  if (/[:,]$/.test(t)) return false;
  return !NOT_A_TITLE.test(t);
}
