import type { Inline } from '../../../model/inline.js';
import { annotate } from './annotate.js';
import type { InlineContext } from './inline-context.js';
import { scanInline } from './scan-inline.js';

export type { InlineContext } from './inline-context.js';
export { NameMatcher, type NameEntry } from './name-matcher.js';

/** Inline segments of one piece of source text: editorial marks, quotes, notes, dates, mentions. */
export function parseInline(text: string, ctx: InlineContext): Inline[] {
  // The scan keeps every character: the segments' reading text is `text` itself.
  return annotate(scanInline(text, ctx), text, ctx);
}
