import type { Inline, TextSegment } from '../../../model/inline.js';
import { findDates } from '../../dates/index.js';
import type { InlineContext } from './inline-context.js';
import { wrapRanges, type Range } from './wrap-range.js';

/**
 * Marks dates and mentions of identified entities in parsed segments, at every nesting level
 * (inside quotes and glosses too). Zero-length segments left by splitting are dropped.
 * `text` is the reading text of the segments.
 */
export function annotate(segments: Inline[], text: string, ctx: InlineContext): Inline[] {
  // findDates returns at once for the many lines without a digit (every date shape has one).
  const found = findDates(text, ctx.dateOrigin, ctx.reference ? { reference: ctx.reference } : {});
  const dateRanges: Range[] = found.map((d) => ({
    start: d.start,
    end: d.end,
    wrap: (content) => ({ kind: 'date', content: withoutDates(content), value: d.value }),
  }));
  const withDates = wrapRanges(segments, dateRanges);
  // Most blocks name nobody identified: one search over the whole text spares the walk.
  return ctx.nameMatcher?.test(text) ? withMentions(withDates, ctx) : withDates;
}

/** The segments with mentions marked in their text, at every level; empty text segments dropped. */
function withMentions(segments: Inline[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const s of segments) {
    if (s.kind === 'text') addMentions(s, ctx, out);
    else if (s.kind !== 'mention' && 'content' in s && Array.isArray(s.content)) out.push({ ...s, content: withMentions(s.content, ctx) } as Inline);
    else out.push(s);
  }
  return out;
}

/** A date found inside a larger date ("[October 1965]" in "28 [October 1965]") is part of it, not a date of its own. */
function withoutDates(segments: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const s of segments) addWithoutDates(s, out);
  return out;
}

function addWithoutDates(s: Inline, out: Inline[]): void {
  if (s.kind === 'date') {
    for (const inner of s.content) addWithoutDates(inner, out);
  } else if (s.kind === 'quote' || s.kind === 'gloss' || s.kind === 'translatorNote' || s.kind === 'stamp') {
    out.push({ ...s, content: withoutDates(s.content) });
  } else out.push(s);
}

/** Appends a text segment split at the mentions it holds; one without any is appended as it is. */
function addMentions(segment: TextSegment, ctx: InlineContext, out: Inline[]): void {
  const { text } = segment;
  if (text === '') return;
  const hits = ctx.nameMatcher ? ctx.nameMatcher.matches(text) : [];
  if (hits.length === 0) {
    out.push(segment);
    return;
  }
  // Every piece pushed is non-empty: names are, and text is cut only between hits.
  let last = 0;
  for (const hit of hits) {
    if (hit.start > last) out.push({ kind: 'text', text: text.slice(last, hit.start) });
    const { entity } = hit.name;
    out.push({ kind: 'mention', entityKind: entity.kind, ref: entity.id, content: [{ kind: 'text', text: text.slice(hit.start, hit.end) }] });
    last = hit.end;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
}
