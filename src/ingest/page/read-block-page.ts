import type { SourceLine } from '../source-lines.js';
import { labelKey } from './labels.js';
import { emptyDraft, type PageDraft } from './page-draft.js';
import { readHead } from './read-head.js';
import { findTailStart, readTail } from './read-tail.js';
import { lineUnits, linesBetween } from './units.js';

/**
 * Current site (blocks between 1–8 newlines) and flat mirror (one line per block): header, the
 * text, the summary after the text, then the labelled tail. Both are read line by line: the
 * current site sometimes separates its blocks by a single newline too, so a blank line is no
 * reliable boundary. Only the body keeps its blank lines, for the body parser.
 */
export function readBlockPage(lines: readonly SourceLine[], layout: 'current-site' | 'flat-mirror'): PageDraft {
  const draft = emptyDraft(layout);
  const units = lineUnits(lines);
  const start = readHead(units, draft, layout === 'flat-mirror');
  const tail = findTailStart(units, start);
  if (tail < 0) {
    // Nothing after the header means no text at all, not the whole page as text.
    draft.body = units[start] ? linesBetween(lines, units[start], undefined) : [];
    const last = lines[lines.length - 1];
    draft.truncated = { line: last ? last.line : 1, missing: 'the summary and the document information after the text' };
    return draft;
  }
  const tailUnits = units.slice(tail);
  const labelledSummary = tailUnits.some((u) => labelKey(u.text) === 'summary');
  // The summary is the last block before the tail, unless the tail labels one or nothing else is left for the text.
  let bodyEndLine = units[tail]!.line;
  if (!labelledSummary && tail - start >= 2) {
    const s = units[tail - 1]!;
    draft.summary = { text: s.text, line: s.line };
    bodyEndLine = s.line;
  }
  const first = units[start];
  draft.body = first ? lines.slice(first.line - 1, bodyEndLine - 1) : [];
  readTail(tailUnits, draft);
  return draft;
}
