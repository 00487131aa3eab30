import type { Layout } from '../../model/cable.js';
import type { SourceLine } from '../source-lines.js';
import { OLD_SITE_MARKERS, chromeKey } from './chrome.js';
import { labelKey } from './labels.js';
import { boldText, isBlank, isIndented, looksLikeDate, matchFunderLine } from './line-kinds.js';
import { startsCitation } from './split-old-citation.js';

const RECORD_EXPORT_LABELS = new Set(['citation', 'summary', 'credits', 'original-language', 'contents']);
/** Only the top of the page is looked at: detection must stay cheap on big files. */
const WINDOW = 60;

/**
 * Which of the archive's page layouts this is, from the markers each one carries
 * (see docs/input-formats.md), or 'unknown' when the page shows none of them.
 */
export function detectLayout(lines: readonly SourceLine[]): Layout {
  const top: SourceLine[] = [];
  // Line breaks between two text lines vs runs of blank lines: the flat mirror has almost only the first.
  let adjacent = 0;
  let blankRuns = 0;
  let previousBlank = true;
  for (const l of lines) {
    if (isBlank(l.text)) {
      if (!previousBlank) blankRuns++;
      previousBlank = true;
    } else {
      if (!previousBlank) adjacent++;
      top.push(l);
      previousBlank = false;
    }
  }
  const head = top.slice(0, WINDOW);
  if (head.some((l) => boldText(l.text) !== undefined && RECORD_EXPORT_LABELS.has(labelKey(l.text) ?? ''))) return 'record-export';
  if (head.some((l) => OLD_SITE_MARKERS.has(chromeKey(l.text)))) return 'old-site';
  if (head.slice(0, 10).some((l) => isIndented(l.text) && (startsCitation(l.text) || l.text.includes('Digital Archive')))) return 'old-site';
  const firstFew = head.slice(0, 4);
  const evidence =
    chromeKey(head[0]?.text ?? '') === 'skip to content' ||
    firstFew.some((l) => looksLikeDate(l.text) || matchFunderLine(l.text) !== undefined) ||
    top.some((l) => labelKey(l.text) === 'document-information');
  if (!evidence) return 'unknown';
  // The flat mirror puts one block per line: mostly single newlines, few blank lines.
  const flat = top.length >= 3 && adjacent > 2 * blankRuns;
  return flat ? 'flat-mirror' : 'current-site';
}
