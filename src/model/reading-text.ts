import type { Block } from './blocks.js';
import type { Cable } from './cable.js';
import type { Delimiter, Inline } from './inline.js';

const OPEN: Record<Delimiter, string> = { square: '[', 'double-square': '[[', round: '(', 'square-open': '[', none: '' };
const CLOSE: Record<Delimiter, string> = { square: ']', 'double-square': ']]', round: ')', 'square-open': '', none: '' };

export function delimit(delimiter: Delimiter, inner: string): string {
  return OPEN[delimiter] + inner + CLOSE[delimiter];
}

/**
 * The text a reader of the source saw, rebuilt from the segments: brackets, labels and quote
 * marks restored. Ingest guarantees it equals the source text of the block (modulo whitespace);
 * the TEI rule checks and the no-loss tests rely on it.
 */
export function readingText(segments: readonly Inline[]): string {
  let out = '';
  for (const s of segments) {
    switch (s.kind) {
      case 'text':
        out += s.text;
        break;
      case 'supplied':
      case 'unclear':
      case 'gap':
      case 'editorial':
        out += delimit(s.delimiter, s.text);
        break;
      case 'sic':
        out += delimit(s.delimiter, s.marker);
        break;
      case 'gloss':
      case 'translatorNote':
        out += delimit(s.delimiter, readingText(s.content));
        break;
      case 'stamp':
        out += delimit(s.delimiter, s.label + readingText(s.content));
        break;
      case 'quote':
        out += s.open + readingText(s.content) + s.close;
        break;
      case 'date':
      case 'mention':
        out += readingText(s.content);
        break;
      case 'noteRef':
        out += s.style === 'square' ? `[${s.n}]` : s.style === 'round' ? `(${s.n})` : s.n;
        break;
      case 'pageBreak':
        out += delimit(s.delimiter, s.text);
        break;
      case 'lineBreak':
        out += '\n';
        break;
    }
  }
  return out;
}

/** Reading text of one block; parts of a block that were separate lines are joined by "\n". */
export function blockReadingText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'salute':
    case 'marking':
      return readingText(block.content);
    case 'paragraph':
      return (block.number !== undefined ? block.number + ' ' : '') + readingText(block.content);
    case 'fields':
      return block.fields.map((f) => f.label + f.separator + readingText(f.value)).join('\n');
    case 'list':
      return block.items.map((i) => (i.label !== undefined ? i.label + ' ' : '') + readingText(i.content)).join('\n');
    case 'speech':
      return readingText(block.speaker) + block.separator + readingText(block.content);
    case 'closer':
      return block.lines.map((l) => readingText(l.content)).join('\n');
    case 'notes':
      return [
        ...(block.heading ? [readingText(block.heading)] : []),
        ...block.notes.map((n) => readingText(n.content)),
      ].join('\n');
    case 'separator':
    case 'gap':
      return block.text;
    case 'document':
      return block.blocks.map(blockReadingText).join('\n\n');
  }
}

/** Reading text of the whole body. */
export function cableReadingText(cable: Pick<Cable, 'body'>): string {
  return cable.body.map(blockReadingText).join('\n\n');
}

/**
 * Every whitespace run becomes one space, then the ends are trimmed (NBSP counts as space:
 * JavaScript's \s includes it). Only runs that are not already a single space are matched, which
 * is the same result as replacing every /\s+/ and several times faster on prose, where nearly
 * every run is one space.
 */
const NOT_ONE_SPACE = /\s{2,}|[^\S ]/g;
export function normalizeWhitespace(text: string): string {
  return text.replace(NOT_ONE_SPACE, ' ').trim();
}
