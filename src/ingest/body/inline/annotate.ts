import type { Inline } from '../../../model/inline.js';
import { readingText } from '../../../model/reading-text.js';
import { findDates } from '../../dates/index.js';
import type { InlineContext } from './inline-context.js';
import { wrapRanges, type Range } from './wrap-range.js';

/**
 * Marks dates and mentions of identified entities in parsed segments, at every nesting level
 * (inside quotes and glosses too). Zero-length segments left by splitting are dropped.
 */
export function annotate(segments: Inline[], ctx: InlineContext): Inline[] {
  const text = readingText(segments);
  // Every date shape has a digit: most lines have none and skip the finder.
  const found = /\d/.test(text) ? findDates(text, ctx.dateOrigin, ctx.reference ? { reference: ctx.reference } : {}) : [];
  const dateRanges: Range[] = found.map((d) => ({
    start: d.start,
    end: d.end,
    wrap: (content) => ({ kind: 'date', content: content.flatMap(withoutDates), value: d.value }),
  }));
  const withDates = wrapRanges(segments, dateRanges);
  if (!ctx.namePattern) return withDates;
  ctx.namePattern.lastIndex = 0;
  // Most blocks name nobody identified: one search over the whole text spares the walk.
  return ctx.namePattern.test(text) ? withMentions(withDates, ctx) : withDates;
}

function withMentions(segments: Inline[], ctx: InlineContext): Inline[] {
  return dropEmpty(
    segments.flatMap((s): Inline[] => {
      if (s.kind === 'text') return markMentions(s.text, ctx);
      if (s.kind === 'mention') return [s];
      if ('content' in s && Array.isArray(s.content)) return [{ ...s, content: withMentions(s.content, ctx) } as Inline];
      return [s];
    }),
  );
}

/** A date found inside a larger date ("[October 1965]" in "28 [October 1965]") is part of it, not a date of its own. */
function withoutDates(s: Inline): Inline[] {
  if (s.kind === 'date') return s.content.flatMap(withoutDates);
  if (s.kind === 'quote' || s.kind === 'gloss' || s.kind === 'translatorNote' || s.kind === 'stamp') {
    return [{ ...s, content: s.content.flatMap(withoutDates) }];
  }
  return [s];
}

function markMentions(text: string, ctx: InlineContext): Inline[] {
  const pattern = ctx.namePattern;
  if (!pattern) return [{ kind: 'text', text }];
  const out: Inline[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const written = m[0].toLowerCase();
    const hit = ctx.names.find((n) => n.text.toLowerCase() === written);
    if (!hit) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'mention', entityKind: hit.entity.kind, ref: hit.entity.id, content: [{ kind: 'text', text: m[0] }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

function dropEmpty(segments: Inline[]): Inline[] {
  return segments.filter((s) => !(s.kind === 'text' && s.text === ''));
}
