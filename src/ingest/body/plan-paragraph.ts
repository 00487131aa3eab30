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

function openBrackets(text: string): number {
  if (!text.includes('[')) return 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d && depth > 0) depth--;
  }
  return depth;
}
