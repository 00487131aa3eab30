import type { Inline } from '../../../model/inline.js';
import type { InlineContext } from './inline-context.js';

const PAGE = /^p(?:age|g)?\.?\s*(\d+[a-z]?)$/i;
const REVIEW = /^not yet (?:proof-?read|reviewed|edited)\.?$/i;

/**
 * Parentheses that carry an editorial act: "(redacted)", "(Not yet proofread)", "(p. 1)", a note
 * marker glued to a word "word(1)". Any other parenthesis is ordinary text (undefined).
 */
export function classifyRound(inner: string, previousChar: string | undefined, ctx: InlineContext): Inline | undefined {
  const text = inner.trim();
  if (/^redacted$/i.test(text)) return { kind: 'editorial', editorialType: 'redacted', text: inner, delimiter: 'round' };
  if (REVIEW.test(text)) return { kind: 'editorial', editorialType: 'review', text: inner, delimiter: 'round' };
  const page = PAGE.exec(text);
  if (page && inner === text) return { kind: 'pageBreak', n: page[1]!, text: inner, delimiter: 'round' };
  const glued = previousChar !== undefined && !/[\s\u00a0([]/.test(previousChar);
  if (glued && /^\d{1,3}$/.test(inner) && ctx.noteNumbers.has(inner)) {
    const target = ctx.noteIds.get(inner);
    return target !== undefined ? { kind: 'noteRef', n: inner, style: 'round', target } : { kind: 'noteRef', n: inner, style: 'round' };
  }
  return undefined;
}
