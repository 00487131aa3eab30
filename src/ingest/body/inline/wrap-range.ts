import type { Inline } from '../../../model/inline.js';
import { readingText } from '../../../model/reading-text.js';

/** A span of the reading text of a segment list and the segment to wrap its content in. */
export interface Range {
  start: number;
  end: number;
  wrap: (content: Inline[]) => Inline;
}

/**
 * Wraps each range of the reading text in a new segment (a date, a mention), splitting text
 * segments at its ends. A range whose end falls inside a non-text segment is left alone: the
 * source marks there belong to something else. Ranges must be sorted and not overlap.
 */
export function wrapRanges(segments: Inline[], ranges: readonly Range[]): Inline[] {
  if (ranges.length === 0) return segments;
  const starts: number[] = [];
  let offset = 0;
  for (const s of segments) {
    starts.push(offset);
    offset += readingText([s]).length;
  }
  starts.push(offset);
  let out = segments.slice();
  let outStarts = starts.slice();
  // Right to left, so offsets of what is still to do stay valid.
  for (let r = ranges.length - 1; r >= 0; r--) {
    const range = ranges[r]!;
    const first = indexAt(outStarts, range.start);
    const last = indexAt(outStarts, range.end - 1);
    if (first < 0 || last < 0) continue;
    const firstSeg = out[first]!;
    const lastSeg = out[last]!;
    const cutsFirst = range.start > outStarts[first]!;
    const cutsLast = range.end < outStarts[last + 1]!;
    if ((cutsFirst && firstSeg.kind !== 'text') || (cutsLast && lastSeg.kind !== 'text')) continue;
    const before: Inline[] = [];
    const after: Inline[] = [];
    const inside = out.slice(first, last + 1);
    if (cutsLast && lastSeg.kind === 'text') {
      const at = range.end - outStarts[last]!;
      after.push({ kind: 'text', text: lastSeg.text.slice(at) });
      inside[inside.length - 1] = { kind: 'text', text: lastSeg.text.slice(0, at) };
    }
    if (cutsFirst) {
      const head = inside[0] as { kind: 'text'; text: string };
      const at = range.start - outStarts[first]!;
      before.push({ kind: 'text', text: head.text.slice(0, at) });
      inside[0] = { kind: 'text', text: head.text.slice(at) };
    }
    const replacement = [...before, range.wrap(inside), ...after];
    out = [...out.slice(0, first), ...replacement, ...out.slice(last + 1)];
    const newStarts: number[] = [];
    let pos = outStarts[first]!;
    for (const s of replacement) {
      newStarts.push(pos);
      pos += readingText([s]).length;
    }
    outStarts = [...outStarts.slice(0, first), ...newStarts, ...outStarts.slice(last + 1)];
  }
  return out;
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
