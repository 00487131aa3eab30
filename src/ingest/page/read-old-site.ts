import type { SourceLine } from '../source-lines.js';
import { OLD_SITE_MARKERS, chromeKey, isChrome } from './chrome.js';
import { labelKey } from './labels.js';
import { isBlank, isIndented, looksLikeDate, matchFunderLine } from './line-kinds.js';
import { emptyDraft, type Located, type PageDraft } from './page-draft.js';
import { findTailStart, readTail } from './read-tail.js';
import { quotedTitle, splitOldCitation, startsCitation } from './split-old-citation.js';
import { continuesTitle } from './title-continuation.js';
import { paragraphs } from './units.js';

/** How far into the page the old site's header can reach. */
const HEAD_WINDOW = 200;

/** Non-indented lines a header-less page may put above its indented summary and citation. */
const SHORT_HEAD = 3;
/** …and how many when that indented part does hold a citation: date, a wrapped title, a funder line, chrome. */
const LONG_HEAD = 8;

/** Whether the indented run starting at `i` holds a citation (a quoted title, or the archive's name). */
function indentedRunHasCitation(lines: readonly SourceLine[], i: number): boolean {
  for (let j = i; j < lines.length && (isIndented(lines[j]!.text) || isBlank(lines[j]!.text)); j++) {
    const t = lines[j]!.text;
    if (startsCitation(t) || t.includes('Digital Archive')) return true;
  }
  return false;
}

/** Index just past the header: after the last old-site marker, or after the first indented run near the top. */
function headEnd(lines: readonly SourceLine[]): number {
  let end = 0;
  const window = Math.min(lines.length, HEAD_WINDOW);
  for (let i = 0; i < window; i++) if (OLD_SITE_MARKERS.has(chromeKey(lines[i]!.text))) end = i + 1;
  // The variant without a header: date, title, funder line, indented summary and citation, then the text.
  let i = end;
  let nonBlankSeen = 0;
  while (i < window && (isBlank(lines[i]!.text) || (!isIndented(lines[i]!.text) && nonBlankSeen < LONG_HEAD))) {
    if (!isBlank(lines[i]!.text)) nonBlankSeen++;
    i++;
  }
  if (i < window && isIndented(lines[i]!.text) && (nonBlankSeen <= SHORT_HEAD || indentedRunHasCitation(lines, i))) {
    while (i < lines.length && (isIndented(lines[i]!.text) || isBlank(lines[i]!.text))) i++;
    // Hand back the trailing blank lines to the text.
    while (i > end && isBlank(lines[i - 1]!.text)) i--;
    return i;
  }
  return end;
}

/** The header's indented runs (summary, citation), each one part; a line opening a citation starts a new part. */
function indentedParts(lines: readonly SourceLine[], end: number): Located[] {
  const parts: Located[] = [];
  let run: SourceLine[] = [];
  const flushRun = (): void => {
    if (run.length > 0) parts.push({ text: run.map((l) => l.text.trim()).join(' '), line: run[0]!.line });
    run = [];
  };
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (isIndented(l.text)) {
      if (startsCitation(l.text)) flushRun();
      run.push(l);
    } else flushRun();
  }
  flushRun();
  return parts;
}

/**
 * Old site: "Search in", the site name, a date, often no title, a funder line, "• Citation" /
 * "get citation", the indented summary and citation, "• share document", "English HTML", the text.
 */
export function readOldSite(lines: readonly SourceLine[]): PageDraft {
  const draft = emptyDraft('old-site');
  const end = headEnd(lines);
  const split = indentedParts(lines, end).map((part) => ({ part, ...splitOldCitation(part.text) }));
  const quoted = split.map((s) => (s.citation !== undefined ? quotedTitle(s.citation) : undefined)).find((t) => t !== undefined);
  /** The line number of the title's last line while nothing but blank lines came after it. */
  let titleEnd: number | undefined;
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (isBlank(l.text) || isIndented(l.text)) {
      if (isIndented(l.text)) titleEnd = undefined;
      continue;
    }
    const funder = matchFunderLine(l.text);
    const afterTitle = titleEnd;
    titleEnd = undefined;
    if (isChrome(l.text)) draft.chrome.push(l);
    else if (funder) draft.funderLines.push({ text: funder.list, line: l.line });
    else if (draft.title && afterTitle !== undefined && continuesTitle(draft.title.text, l.text, quoted, l.line === afterTitle + 1)) {
      // A title the browser wrapped: one title, as the citation quotes it.
      draft.title = { text: `${draft.title.text} ${l.text.trim()}`, line: draft.title.line };
      titleEnd = l.line;
    } else if (draft.date === undefined && looksLikeDate(l.text)) draft.date = { text: l.text.trim(), line: l.line };
    else if (labelKey(l.text) === 'citation') draft.chrome.push(l);
    else if (draft.title === undefined) {
      draft.title = { text: l.text.trim(), line: l.line };
      titleEnd = l.line;
    } else draft.extraFields.push({ label: 'Heading', value: l.text.trim(), line: l.line });
  }
  for (const { part, summary, citation } of split) {
    if (citation !== undefined && draft.citation === undefined) draft.citation = { text: citation, line: part.line };
    else if (citation !== undefined) draft.extraFields.push({ label: 'Citation', value: citation, line: part.line });
    if (summary !== undefined) {
      draft.summary = draft.summary ? { text: `${draft.summary.text}\n\n${summary}`, line: draft.summary.line } : { text: summary, line: part.line };
    }
  }
  // Some old-site pages end with the same labelled tail as the current site (facets, document information).
  const rest = lines.slice(end);
  const units = paragraphs(rest);
  const tail = findTailStart(units, 0);
  if (tail < 0) draft.body = rest;
  else {
    draft.body = lines.slice(end, units[tail]!.line - 1);
    readTail(units.slice(tail), draft);
  }
  return draft;
}
