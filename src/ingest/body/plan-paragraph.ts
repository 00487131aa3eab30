import type { SourceLine } from '../source-lines.js';
import type { Draft } from './draft.js';
import { paragraphNumber } from './line-patterns.js';

/** A paragraph, joined with the next lines while a "[" (a stamp, a handwritten note) is still open. */
export function planParagraph(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const first = lines[start]!;
  let text = first.text;
  let k = start + 1;
  while (k < lines.length && k - start < 30 && openBrackets(text) > 0 && lines[k]!.line === lines[k - 1]!.line + 1) {
    text += '\n' + lines[k]!.text;
    k++;
  }
  const numbered = paragraphNumber(text);
  const body = text;
  drafts.push((b) =>
    numbered
      ? { kind: 'paragraph', number: numbered.number, content: b(numbered.rest, first.line) }
      : { kind: 'paragraph', content: b(body, first.line) },
  );
  return k;
}

/** How many "[" are still open at the end of the text; a "]" with none open is ignored. */
function openBrackets(text: string): number {
  // Jumps from bracket to bracket with indexOf: paragraphs are long and hold few brackets.
  let nextOpen = text.indexOf('[');
  if (nextOpen < 0) return 0;
  let nextClose = text.indexOf(']', nextOpen);
  let depth = 0;
  while (nextOpen >= 0 || nextClose >= 0) {
    if (nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose)) {
      depth++;
      nextOpen = text.indexOf('[', nextOpen + 1);
    } else {
      if (depth > 0) depth--;
      nextClose = text.indexOf(']', nextClose + 1);
    }
  }
  return depth;
}
