import type { Block } from '../../model/blocks.js';
import type { BodyContext, BodyResult, SourceLine } from '../source-lines.js';

/** Blank means nothing visible: NBSP-only lines count as blank. */
function isBlank(text: string): boolean {
  return /^[\s\u00a0]*$/.test(text);
}

/** First working version: paragraphs split on blank lines, plain text segments. */
export function parseBody(lines: SourceLine[], _ctx: BodyContext): BodyResult {
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: current.join('\n') }] });
    current = [];
  };
  for (const l of lines) {
    if (isBlank(l.text)) flush();
    else current.push(l.text);
  }
  flush();
  return { blocks, entities: [], senders: [], addressees: [], participants: [] };
}
