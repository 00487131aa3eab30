import type { SourceLine } from '../source-lines.js';
import { OLD_SITE_MARKERS, chromeKey, isChrome } from './chrome.js';
import { labelKey } from './labels.js';
import { isBlank, isIndented, looksLikeDate, matchFunderLine } from './line-kinds.js';
import { emptyDraft, type Located, type PageDraft } from './page-draft.js';
import { findTailStart, readTail } from './read-tail.js';
import { splitOldCitation, startsCitation } from './split-old-citation.js';
import { paragraphs } from './units.js';

/** How far into the page the old site's header can reach. */
const HEAD_WINDOW = 200;

/** Index just past the header: after the last old-site marker, or after the first indented run near the top. */
function headEnd(lines: readonly SourceLine[]): number {
  let end = 0;
  const window = Math.min(lines.length, HEAD_WINDOW);
  for (let i = 0; i < window; i++) if (OLD_SITE_MARKERS.has(chromeKey(lines[i]!.text))) end = i + 1;
  // The variant without a header: date, indented summary and citation, then the text.
  let i = end;
  let nonBlankSeen = 0;
  while (i < window && (isBlank(lines[i]!.text) || (!isIndented(lines[i]!.text) && nonBlankSeen < 3))) {
    if (!isBlank(lines[i]!.text)) nonBlankSeen++;
    i++;
  }
  if (i < window && isIndented(lines[i]!.text)) {
    while (i < lines.length && (isIndented(lines[i]!.text) || isBlank(lines[i]!.text))) i++;
    // Hand back the trailing blank lines to the text.
    while (i > end && isBlank(lines[i - 1]!.text)) i--;
    return i;
  }
  return end;
}

/**
 * Old site: "Search in", the site name, a date, often no title, a funder line, "• Citation" /
 * "get citation", the indented summary and citation, "• share document", "English HTML", the text.
 */
export function readOldSite(lines: readonly SourceLine[]): PageDraft {
  const draft = emptyDraft('old-site');
  const end = headEnd(lines);
  const indented: Located[] = [];
  let run: SourceLine[] = [];
  const flushRun = (): void => {
    if (run.length > 0) indented.push({ text: run.map((l) => l.text.trim()).join(' '), line: run[0]!.line });
    run = [];
  };
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (isBlank(l.text)) {
      flushRun();
      continue;
    }
    if (isIndented(l.text)) {
      // The summary and the citation are separate lines; a line opening a citation starts a new part.
      if (startsCitation(l.text)) flushRun();
      run.push(l);
      continue;
    }
    flushRun();
    const funder = matchFunderLine(l.text);
    if (isChrome(l.text)) draft.chrome.push(l);
    else if (funder) draft.funderLines.push({ text: funder.list, line: l.line });
    else if (draft.date === undefined && looksLikeDate(l.text)) draft.date = { text: l.text.trim(), line: l.line };
    else if (labelKey(l.text) === 'citation') draft.chrome.push(l);
    else if (draft.title === undefined) draft.title = { text: l.text.trim(), line: l.line };
    else draft.extraFields.push({ label: 'Heading', value: l.text.trim(), line: l.line });
  }
  flushRun();
  for (const part of indented) {
    const { summary, citation } = splitOldCitation(part.text);
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
