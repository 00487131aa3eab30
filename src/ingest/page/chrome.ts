import { isAsciiSpace, keyStarts, pairCode } from './ascii-pair.js';
import { normalizeWhitespace } from '../../model/reading-text.js';

/**
 * Page furniture of the archive's web pages: navigation and buttons that a browser or scraper
 * rendered as text. Only recognised outside the document's text, and always reported when dropped.
 */
const CHROME = new Set(
  [
    'skip to content',
    'search in',
    'digital archive international history declassified',
    '• citation',
    'get citation',
    '• share document',
    'share document',
    'english html',
    'english pdf',
    'citation share download',
    'share',
    'download',
    'print',
    'back to top',
    'menu',
    'main navigation',
    'home',
  ].map((s) => s.toLowerCase()),
);

/** Old-site markers: a page carrying one of these is an old-site page. */
export const OLD_SITE_MARKERS = new Set(['search in', 'digital archive international history declassified', '• citation', 'get citation', '• share document', 'english html', 'citation share download']);

/** Chrome lines are short: longer lines are never looked up (and never lower-cased, which is costly). */
const MAX_CHROME = 80;

/**
 * First two characters of the chrome and marker keys. Most lines start with some other ASCII
 * pair, and for those no key can match: skipping the normalisation saves real time.
 */
const KEY_STARTS = keyStarts([...CHROME, ...OLD_SITE_MARKERS]);

/** Whether the normalised key of `text` could be a chrome key, judged from its first two characters. */
function mayBeChrome(text: string): boolean {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  // Non-ASCII, missing (NaN) or a leading space: trim and toLowerCase may move things, so decide on the full key.
  if (!(a < 0x80 && b < 0x80) || isAsciiSpace(a)) return true;
  // A space second becomes ' ' in the key, which no key has there.
  return KEY_STARTS.has(pairCode(a, b));
}

/** The lookup key of a line: '' when it cannot be chrome (too long, or a start no key has). */
export function chromeKey(text: string): string {
  if (text.length > MAX_CHROME || !mayBeChrome(text)) return '';
  return normalizeWhitespace(text).toLowerCase();
}

export function isChrome(text: string): boolean {
  return CHROME.has(chromeKey(text)) || isControlLine(text);
}

/**
 * Words of the site's search widgets and buttons ("ADD SEARCH FILTER", "CANCEL SEARCH FILTER",
 * "Clear all filters", "Sort by date"): a line made only of them is a row of controls.
 */
const CONTROL_WORDS = new Set(
  ('add cancel search filter filters clear all apply reset submit sort by results result show hide more less advanced ' +
    'remove close open toggle menu navigation go back next previous prev expand collapse select deselect done ok save ' +
    'edit view list grid options refine keyword keywords query button login logout log sign in out register subscribe ' +
    'print share download citation home top to page new date range language relevance newest oldest ascending descending ' +
    'a z')
    .split(' '),
);
/** At least one of these makes the line a control row, not a heading that happens to use common words. */
const CONTROL_CORE = new Set(['search', 'filter', 'filters', 'cancel', 'clear', 'reset', 'apply', 'submit', 'sort', 'toggle', 'login', 'logout', 'button', 'refine']);
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * A row of widget controls: every word a control word, one of them a core one, and at least
 * two words (a lone "Search" could be a heading). Only asked of header and tail lines.
 */
function isControlLine(text: string): boolean {
  if (text.length > MAX_CHROME) return false;
  const words = text.toLowerCase().match(WORDS);
  if (words === null || words.length < 2) return false;
  return words.every((w) => CONTROL_WORDS.has(w)) && words.some((w) => CONTROL_CORE.has(w));
}
