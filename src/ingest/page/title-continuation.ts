import { normalizeWhitespace } from '../../model/reading-text.js';
import { looksLikeDate } from './line-kinds.js';

/** The longest title a page prints (as looksLikeTitle allows). */
const MAX_TITLE = 400;

const STARTS_WITH_YEAR = /^(?:1[6-9]\d\d|20\d\d)s?\b/;
const STARTS_LOWER = /^\p{Ll}/u;
const MONTH_END = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$/;
/** Words a title does not end on: the sentence goes on on the next line. */
const OPEN_END =
  /(?:\b(?:and|or|of|on|in|to|the|a|an|between|with|for|from|by|at|about|regarding|concerning|during|vs\.?)|[,–—-])$/i;
const DAY_END = /\b\d{1,2}$/;
/** A continuation is a short tail of a title, not a sentence of the text. */
const MAX_CONTINUATION = 200;
const SENTENCE_END = /[.!?]$/;

/** Compared without case or spacing; a title line may end in the comma the citation keeps inside its quotes. */
function fold(text: string): string {
  return normalizeWhitespace(text.toLowerCase()).replace(/[\s,.;:]+$/, '');
}

/**
 * Does `next`, the line right under a title line, carry on the title? Browsers wrap a long title
 * wherever they like, so the break falls anywhere: before a year ("…on 9 and 12 July" /
 * "1956 (Re: Point IV …)"), after a word that cannot end it, or before a lower-case word.
 * `quoted`, the title the citation quotes, settles it when the page has one; a line that does
 * not follow right under the title (`adjacent` false) is joined only on the citation's word.
 */
export function continuesTitle(title: string, next: string, quoted?: string, adjacent = true): boolean {
  const t = title.trim();
  const n = next.trim();
  if (n.length === 0 || t.length + n.length + 1 > MAX_TITLE) return false;
  if (quoted !== undefined) {
    const whole = fold(quoted);
    if (whole.startsWith(fold(`${t} ${n}`))) return true;
    // The citation quotes this very line as the whole title: what follows is something else.
    if (whole === fold(t)) return false;
  }
  if (!adjacent) return false;
  if (SENTENCE_END.test(t) || SENTENCE_END.test(n) || n.length > MAX_CONTINUATION) return false;
  // A year under a month or day finishes the date the title opened ("…on 9 and 12 July" / "1956");
  // a year opening a line that is no date of its own goes on too ("1956 (Re: Point IV Program)").
  if (STARTS_WITH_YEAR.test(n)) return MONTH_END.test(t) || DAY_END.test(t) || OPEN_END.test(t) || !looksLikeDate(n);
  return OPEN_END.test(t) || STARTS_LOWER.test(n);
}
