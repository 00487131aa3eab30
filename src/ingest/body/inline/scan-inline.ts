import type { Inline } from '../../../model/inline.js';
import { classifyRound } from './classify-round.js';
import { classifySquare, type ParseInner } from './classify-square.js';
import type { InlineContext } from './inline-context.js';

const STAMP_OPENING = /^(?:handwritten|handwriting|hand-written|stamp|seal|rubber stamp)(?: note| notation| text)?\s*:/i;
/**
 * Characters that may start an editorial mark, a quote or a gap, and digits right after
 * punctuation (a bare note marker, "word.12"): no other digit starts anything. The digit is
 * matched before the lookbehind, so the search still skips from one candidate character to the next.
 */
const SPECIAL = /[[(“"…]|\d(?<=[.,;:!?”"’)]\d)/g;
const AFTER_PUNCTUATION = /[.,;:!?”"’)]/;

/**
 * Splits text into inline segments by its editorial marks, quotes and note markers, in one
 * left-to-right pass. Everything not recognised stays text, so the reading text is unchanged.
 */
export function scanInline(text: string, ctx: InlineContext): Inline[] {
  return new InlineScanner(ctx).scan(text, 0, text.length);
}

/** Editorial marks nest a level or two; deeper "nesting" is stray brackets, read as text. */
const MAX_DEPTH = 6;
/** No editorial bracket runs longer than this; an opening bracket without a close within it is unbalanced. */
const MAX_BRACKET = 3000;

/** Whether a character that may start a mark occurs in text[from, to). */
function hasSpecial(text: string, from: number, to: number): boolean {
  SPECIAL.lastIndex = from;
  return SPECIAL.test(text) && SPECIAL.lastIndex - 1 < to;
}

/** text[from, to) as one text segment; no segment when it is empty. */
function plainText(text: string, from: number, to: number): Inline[] {
  return from < to ? [{ kind: 'text', text: text.slice(from, to) }] : [];
}

/** Appends the ordinary text text[runStart, at), if any, then the segment that follows it. */
function pushAfterRun(out: Inline[], text: string, runStart: number, at: number, segment: Inline): void {
  if (at > runStart) out.push({ kind: 'text', text: text.slice(runStart, at) });
  out.push(segment);
}

/**
 * The state of one scanInline call across its nesting levels. A class rather than closures made
 * per level: the scan runs on every block, and those closures were its largest allocation.
 */
class InlineScanner {
  private depth = 0;
  /** One warning per block about unbalanced brackets is enough to point a reader at it. */
  private warned = false;
  /** The way back into the scanner for the text inside a bracket (classifySquare). */
  private readonly parseInner: ParseInner = (s) => this.deeper(s, 0, s.length);

  constructor(private readonly ctx: InlineContext) {}

  private deeper(text: string, from: number, to: number): Inline[] {
    this.depth++;
    const out = this.scan(text, from, to);
    this.depth--;
    return out;
  }

  scan(text: string, from: number, to: number): Inline[] {
    // Most texts hold no character that may start a mark: they are one text segment.
    if (this.depth > MAX_DEPTH || !hasSpecial(text, from, to)) return plainText(text, from, to);
    const ctx = this.ctx;
    const out: Inline[] = [];
    // Ordinary text from runStart to i is not pushed yet: it goes out in one piece before the next segment.
    let runStart = from;
    let i = from;
    // Searches whose answers are reused while i moves forward, so a line of brackets costs linear
    // time: the next "]]" and the next "[" at or after a position (-2: not searched yet; -1: none
    // left), and the matching "]" of every "[" of the range (built on the first "[").
    let nextDoubleClose = -2;
    let nextOpen = -2;
    let squares: Int32Array | undefined;
    while (i < to) {
      const c = text[i]!;
      if (c === '[' && text[i + 1] === '[') {
        if (nextDoubleClose === -2 || (nextDoubleClose >= 0 && nextDoubleClose < i + 2)) nextDoubleClose = text.indexOf(']]', i + 2);
        if (nextOpen === -2 || (nextOpen >= 0 && nextOpen < i + 2)) nextOpen = text.indexOf('[', i + 2);
        const close = nextDoubleClose;
        if (close >= 0 && close + 2 <= to && (nextOpen === -1 || nextOpen >= close)) {
          pushAfterRun(out, text, runStart, i, { kind: 'unclear', text: text.slice(i + 2, close), delimiter: 'double-square' });
          runStart = i = close + 2;
          continue;
        }
      }
      if (c === '[') {
        squares ??= matchSquareBrackets(text, from, to);
        const matched = squares[i - from]!;
        const close = matched >= 0 && matched < i + MAX_BRACKET ? matched : -1;
        if (close >= 0) {
          pushAfterRun(out, text, runStart, i, classifySquare(text.slice(i + 1, close), ctx, this.parseInner));
          runStart = i = close + 1;
          continue;
        }
        const rest = text.slice(i + 1, to);
        if (!this.warned) {
          this.warned = true;
          ctx.bag.warn('ingest/unbalanced-bracket', `"[" is never closed: ${JSON.stringify(rest.slice(0, 40))}…`, {
            ...(ctx.line !== undefined ? { line: ctx.line } : {}),
            hint: STAMP_OPENING.test(rest) ? 'Encoded as a stamp or handwriting running to the end of the block.' : 'Kept as text.',
          });
        }
        const label = STAMP_OPENING.exec(rest);
        if (label) {
          const labelText = /^[^:]*:\s*/.exec(rest)![0];
          const stampType = /stamp|seal/i.test(label[0]) ? 'stamp' : 'handwriting';
          pushAfterRun(out, text, runStart, i, { kind: 'stamp', stampType, label: labelText, content: this.parseInner(rest.slice(labelText.length)), delimiter: 'square-open' });
          runStart = i = to;
          continue;
        }
      }
      if (c === '(') {
        // The parentheses that mean something are short: "(redacted)", "(p. 1)", "(1)", "(Not yet proofread)".
        const close = matchingClose(text, i, Math.min(to, i + 40), '(', ')');
        const segment = close >= 0 ? classifyRound(text.slice(i + 1, close), i > 0 ? text[i - 1] : undefined, ctx) : undefined;
        if (segment) {
          pushAfterRun(out, text, runStart, i, segment);
          runStart = i = close + 1;
          continue;
        }
      }
      if (c === '“') {
        const close = matchingClose(text, i, to, '“', '”');
        const end = close >= 0 ? close : to;
        pushAfterRun(out, text, runStart, i, { kind: 'quote', open: '“', close: close >= 0 ? '”' : '', content: this.deeper(text, i + 1, end) });
        runStart = i = close >= 0 ? close + 1 : to;
        continue;
      }
      if (c === '"') {
        const close = text.indexOf('"', i + 1);
        const end = close >= 0 && close < to ? close : to;
        pushAfterRun(out, text, runStart, i, { kind: 'quote', open: '"', close: end < to ? '"' : '', content: this.deeper(text, i + 1, end) });
        runStart = i = end < to ? end + 1 : to;
        continue;
      }
      if (c === '…' && /\S/.test(text.slice(i + 1, Math.min(to, i + 200))) && /\S/.test(text.slice(Math.max(from, i - 200), i))) {
        pushAfterRun(out, text, runStart, i, { kind: 'gap', text: '…', delimiter: 'none', reason: 'omitted' }); // a bare ellipsis mid-sentence
        runStart = i = i + 1;
        continue;
      }
      if (c >= '0' && c <= '9' && ctx.noteNumbers.size > 0 && i > from && AFTER_PUNCTUATION.test(text[i - 1]!)) {
        let end = i;
        while (end < to && text[end]! >= '0' && text[end]! <= '9') end++;
        const n = text.slice(i, end);
        if ((end === to || /[\s\u00a0]/.test(text[end]!)) && ctx.noteNumbers.has(n)) {
          const target = ctx.noteIds.get(n);
          pushAfterRun(out, text, runStart, i, target !== undefined ? { kind: 'noteRef', n, style: 'bare', target } : { kind: 'noteRef', n, style: 'bare' });
          runStart = i = end;
          continue;
        }
      }
      // Skip the run of ordinary characters up to the next one that may start a mark.
      SPECIAL.lastIndex = i + 1;
      // test() leaves lastIndex just past the one-character match (and allocates no match array).
      const found = SPECIAL.test(text);
      i = found && SPECIAL.lastIndex - 1 < to ? SPECIAL.lastIndex - 1 : to;
    }
    if (to > runStart) out.push({ kind: 'text', text: text.slice(runStart, to) });
    return out;
  }
}

/** Index of the delimiter closing the one at `open`, counting nesting; -1 when it is never closed. */
function matchingClose(text: string, open: number, to: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = text[i];
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i;
  }
  return -1;
}

/**
 * For each "[" of text[from, to), the index of the "]" that closes it counting nesting (what
 * matchingClose finds), else -1; one pass with a stack instead of one scan per bracket.
 */
function matchSquareBrackets(text: string, from: number, to: number): Int32Array {
  const closeOf = new Int32Array(to - from).fill(-1);
  const open: number[] = [];
  const first = text.indexOf('[', from);
  for (let k = first === -1 ? to : first; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5b /* [ */) open.push(k);
    else if (c === 0x5d /* ] */ && open.length > 0) closeOf[open.pop()! - from] = k;
  }
  return closeOf;
}
