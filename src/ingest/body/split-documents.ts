import type { SourceLine } from '../source-lines.js';
import { findDateAtStart } from '../dates/index.js';
import { documentStart, isBlank } from './line-patterns.js';

/** A part of the body: the main text, or another document on the page opened by a heading line. */
export interface BodyPart {
  documentType?: string;
  heading?: SourceLine;
  lines: SourceLine[];
}

/**
 * Splits the body at the lines that open another document: "Attachment:", "Enclosure", and the
 * date lines of a journal (two or more lines that are only a full date, each followed by text).
 */
export function splitDocuments(lines: readonly SourceLine[]): BodyPart[] {
  const starts = new Map<number, string>();
  lines.forEach((l, i) => {
    const type = documentStart(l.text);
    if (type) starts.set(i, type);
  });
  // Each line is asked once: hasTextAfter asks about the next line again.
  const entry = lines.map((l) => isEntryDate(l.text));
  const dated = lines.map((_, i) => (entry[i] && hasTextAfter(lines, entry, i) ? i : -1)).filter((i) => i >= 0);
  if (dated.length >= 2) for (const i of dated) if (!starts.has(i)) starts.set(i, 'entry');
  if (starts.size === 0) return [{ lines: lines.slice() }];
  const order = [...starts.keys()].sort((a, b) => a - b);
  const parts: BodyPart[] = [{ lines: lines.slice(0, order[0]) }];
  order.forEach((at, n) => {
    const end = order[n + 1] ?? lines.length;
    parts.push({ documentType: starts.get(at)!, heading: lines[at]!, lines: lines.slice(at + 1, end) });
  });
  return parts;
}

/** What a date at the start of a line can begin with (see findDates): a digit, a bracket or quote, a month, "between", "from". */
const DATE_START = /^[\d[“"JFMASONDbf]/;

function isEntryDate(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 60 || !DATE_START.test(t)) return false;
  // Only [.:\s] may follow, none of which can start a date: this is the line's only date.
  const date = findDateAtStart(t);
  if (!date || !/^[.:\s]*$/.test(t.slice(date.end))) return false;
  const precision = date.value.precision;
  return precision !== undefined && precision !== 'year' && precision !== 'month';
}

function hasTextAfter(lines: readonly SourceLine[], entry: readonly boolean[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (isBlank(t)) continue;
    return !entry[k] && documentStart(t) === undefined;
  }
  return false;
}
