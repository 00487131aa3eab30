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
 * First letters (lower case) of the chrome and marker keys. Most lines start with some other
 * ASCII character, and for those no key can match: skipping the normalisation saves real time.
 */
const KEY_STARTS = new Set([...CHROME, ...OLD_SITE_MARKERS].map((k) => k.charCodeAt(0)));

/** Whether the normalised key of `text` could be a chrome key, judged from its first character. */
function mayBeChrome(text: string): boolean {
  const c = text.charCodeAt(0);
  // Non-ASCII or whitespace first: trim and toLowerCase may change it, so decide on the full key.
  if (c >= 0x80 || c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  return KEY_STARTS.has(lower);
}

/** The lookup key of a line: '' when it cannot be chrome (too long, or a first character no key has). */
export function chromeKey(text: string): string {
  if (text.length > MAX_CHROME || !mayBeChrome(text)) return '';
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isChrome(text: string): boolean {
  return CHROME.has(chromeKey(text));
}
