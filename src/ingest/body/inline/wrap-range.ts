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
  if (ranges.length === 0) return segments;
  const out = segments.slice();
  const starts = startsOf(out);
  // Right to left, in place: wrapping keeps the reading text, so offsets right of a change stay valid.
  let r = ranges.length - 1;
  while (r >= 0) {
    const range = ranges[r]!;
    const first = indexAt(starts, range.start);
    const last = indexAt(starts, range.end - 1);
    if (first < 0 || last < 0) {
      r--;
      continue;
    }
    const firstSeg = out[first]!;
    if (first === last && isContainer(firstSeg)) {
      // Every range inside this quote or gloss is wrapped by one descent into it.
      const innerStart = starts[first]! + openingLength(firstSeg);
      const innerEnd = starts[first + 1]! - closingLength(firstSeg);
      const batch: Range[] = [];
      while (r >= 0 && ranges[r]!.start >= innerStart && ranges[r]!.end <= innerEnd) {
        const inner = ranges[r]!;
        batch.push({ start: inner.start - innerStart, end: inner.end - innerStart, wrap: inner.wrap });
        r--;
      }
      if (batch.length === 0) r--; // the range cuts through the container's own marks
      else out[first] = { ...firstSeg, content: wrapRanges(firstSeg.content, batch.reverse()) } as Inline;
      continue;
    }
    r--;
    const lastSeg = out[last]!;
    const cutsFirst = range.start > starts[first]!;
    const cutsLast = range.end < starts[last + 1]!;
    if ((cutsFirst && firstSeg.kind !== 'text') || (cutsLast && lastSeg.kind !== 'text')) continue;
    const inside = out.slice(first, last + 1);
    const replacement: Inline[] = [];
    const replacementStarts: number[] = [];
    if (cutsFirst && firstSeg.kind === 'text') {
      const at = range.start - starts[first]!;
      replacement.push({ kind: 'text', text: firstSeg.text.slice(0, at) });
      replacementStarts.push(starts[first]!);
      inside[0] = { kind: 'text', text: firstSeg.text.slice(at, first === last && cutsLast ? range.end - starts[first]! : undefined) };
    }
    if (cutsLast && lastSeg.kind === 'text') {
      const at = range.end - starts[last]!;
      if (first !== last || !cutsFirst) inside[inside.length - 1] = { kind: 'text', text: lastSeg.text.slice(0, at) };
    }
    replacement.push(range.wrap(inside));
    replacementStarts.push(range.start);
    if (cutsLast && lastSeg.kind === 'text') {
      replacement.push({ kind: 'text', text: lastSeg.text.slice(range.end - starts[last]!) });
      replacementStarts.push(range.end);
    }
    out.splice(first, last - first + 1, ...replacement);
    starts.splice(first, last - first + 1, ...replacementStarts);
  }
  return out;
}

/** Reading-text offset of each segment, and the total length last. */
function startsOf(segments: readonly Inline[], base = 0): number[] {
  const starts: number[] = [];
  let offset = base;
  for (const s of segments) {
    starts.push(offset);
    offset += s.kind === 'text' ? s.text.length : readingText([s]).length;
  }
  starts.push(offset);
  return starts;
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

/** Length of what a container writes after its content: "”", "]", "" when unclosed. */
function closingLength(s: Container): number {
  if (s.kind === 'quote') return s.close.length;
  return s.delimiter === 'double-square' ? 2 : s.delimiter === 'square' || s.delimiter === 'round' ? 1 : 0;
}

function isContainer(s: Inline): s is Container {
  return s.kind === 'quote' || s.kind === 'gloss' || s.kind === 'translatorNote' || s.kind === 'stamp';
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
