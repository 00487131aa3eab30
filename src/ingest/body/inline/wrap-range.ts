import type { Inline } from '../../../model/inline.js';
import { readingText } from '../../../model/reading-text.js';

/** A span of the reading text of a segment list and the segment to wrap its content in. */
export interface Range {
  start: number;
  end: number;
  wrap: (content: Inline[]) => Inline;
}

/**
 * Wraps each range of the reading text in a new segment (a date), splitting text segments at its
 * ends and descending into a quote or gloss that holds the whole range. A range that cuts through
 * any other segment is left alone: the marks there belong to something else.
 * Ranges must be sorted and not overlap; one pass of finding serves every nesting level.
 */
export function wrapRanges(segments: Inline[], ranges: readonly Range[]): Inline[] {
  let out = segments;
  for (let r = ranges.length - 1; r >= 0; r--) out = wrapOne(out, ranges[r]!.start, ranges[r]!.end, ranges[r]!.wrap);
  return out;
}

type Container = Extract<Inline, { kind: 'quote' | 'gloss' | 'translatorNote' | 'stamp' }>;

/** Length of what a container writes before its content: "“", "[", "[stamp: ". */
function openingLength(s: Container): number {
  switch (s.kind) {
    case 'quote':
      return s.open.length;
    case 'stamp':
      return (s.delimiter === 'double-square' ? 2 : s.delimiter === 'none' ? 0 : 1) + s.label.length;
    default:
      return s.delimiter === 'double-square' ? 2 : s.delimiter === 'none' ? 0 : 1;
  }
}

function isContainer(s: Inline): s is Container {
  return s.kind === 'quote' || s.kind === 'gloss' || s.kind === 'translatorNote' || s.kind === 'stamp';
}

function wrapOne(segments: Inline[], start: number, end: number, wrap: Range['wrap']): Inline[] {
  const starts: number[] = [];
  let offset = 0;
  for (const s of segments) {
    starts.push(offset);
    offset += s.kind === 'text' ? s.text.length : readingText([s]).length;
  }
  starts.push(offset);
  const first = indexAt(starts, start);
  const last = indexAt(starts, end - 1);
  if (first < 0 || last < 0) return segments;
  const firstSeg = segments[first]!;
  const lastSeg = segments[last]!;
  if (first === last && isContainer(firstSeg)) {
    const innerStart = starts[first]! + openingLength(firstSeg);
    const innerEnd = innerStart + readingText(firstSeg.content).length;
    if (start >= innerStart && end <= innerEnd) {
      const content = wrapOne(firstSeg.content, start - innerStart, end - innerStart, wrap);
      return [...segments.slice(0, first), { ...firstSeg, content } as Inline, ...segments.slice(first + 1)];
    }
  }
  const cutsFirst = start > starts[first]!;
  const cutsLast = end < starts[last + 1]!;
  if ((cutsFirst && firstSeg.kind !== 'text') || (cutsLast && lastSeg.kind !== 'text')) return segments;
  const inside = segments.slice(first, last + 1);
  const after: Inline[] = [];
  const before: Inline[] = [];
  if (cutsLast && lastSeg.kind === 'text') {
    const at = end - starts[last]!;
    after.push({ kind: 'text', text: lastSeg.text.slice(at) });
    inside[inside.length - 1] = { kind: 'text', text: lastSeg.text.slice(0, at) };
  }
  if (cutsFirst) {
    const head = inside[0] as { kind: 'text'; text: string };
    const at = start - starts[first]!;
    before.push({ kind: 'text', text: head.text.slice(0, at) });
    inside[0] = { kind: 'text', text: head.text.slice(at) };
  }
  return [...segments.slice(0, first), ...before, wrap(inside), ...after, ...segments.slice(last + 1)];
}

/** Index of the segment holding reading-text position `pos` (binary search over start offsets). */
function indexAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < starts[mid]!) hi = mid - 1;
    else if (pos >= starts[mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}
