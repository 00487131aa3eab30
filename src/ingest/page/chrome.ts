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

export function chromeKey(text: string): string {
  if (text.length > MAX_CHROME) return '';
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isChrome(text: string): boolean {
  return CHROME.has(chromeKey(text));
}
