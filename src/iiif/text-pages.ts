import type { Block } from '../model/blocks.js';
import type { Cable } from '../model/cable.js';
import { blockReadingText } from '../model/reading-text.js';
import { pageLabels } from './page-labels.js';

/**
 * The translation set as pages of monospaced lines, one page per text canvas, so viewers have an
 * image to paint (see text-page-svg.ts). A monospaced face makes the width of a line a count of
 * characters, so wrapping needs no font metrics and no line can overflow the page.
 */
export const TEXT_PAGE = {
  width: 1000,
  /** The least height: A4 proportions. A long text on few pages makes the pages taller instead of smaller. */
  minHeight: 1414,
  margin: 70,
  top: 120,
  bottom: 90,
  fontSize: 22,
  lineHeight: 32,
  /** Columns of a line: (1000 − 2 × 70) / (22 × 0.6), rounded down; monospaced faces are 0.6 em wide or less. */
  columns: 64,
} as const;

export interface TextLine {
  text: string;
  bold: boolean;
}

export interface TextPage {
  label: string;
  lines: TextLine[];
}

export interface TextPageSet {
  width: number;
  height: number;
  pages: TextPage[];
}

/** Characters that take two columns in a monospaced face (CJK, Hangul, full-width forms). */
function columnsOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000;
  return wide ? 2 : 1;
}

const width = (text: string): number => [...text].reduce((sum, c) => sum + columnsOf(c), 0);

/** A word longer than a line, cut into pieces that fit. */
function splitLong(word: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (width(piece) + columnsOf(char) > columns) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** One line of the source (no newline in it) wrapped at spaces into lines of at most `columns`. */
export function wrapLine(text: string, columns: number): string[] {
  const words = text.split(/[ \t]+/).filter((w) => w !== '').flatMap((w) => (width(w) > columns ? splitLong(w, columns) : [w]));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (width(line) + 1 + width(word) <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function blockParagraphs(block: Block): TextLine[][] {
  if (block.kind === 'document') return block.blocks.flatMap(blockParagraphs);
  const text = blockReadingText(block);
  if (text.trim() === '') return [];
  const bold = block.kind === 'heading';
  return [text.split('\n').flatMap((source) => wrapLine(source, TEXT_PAGE.columns)).map((t) => ({ text: t, bold }))];
}

/** The translation as the reader saw it (brackets restored), wrapped; a blank line between paragraphs. */
export function translationLines(cable: Pick<Cable, 'body'>): TextLine[] {
  const lines: TextLine[] = [];
  for (const paragraph of cable.body.flatMap(blockParagraphs)) {
    if (lines.length > 0) lines.push({ text: '', bold: false });
    lines.push(...paragraph);
  }
  return lines;
}

/**
 * One page per page of the archive reference (one when the pages are unknown). The translation does
 * not say where the original's pages break, so its lines are shared out evenly over the pages, in
 * order; every page is as tall as the fullest one needs.
 */
export function textPageSet(cable: Pick<Cable, 'body' | 'archiveReferences'>): TextPageSet {
  const found = pageLabels(cable.archiveReferences[0]);
  const labels = found.length > 0 ? found : ['1'];
  const lines = translationLines(cable);
  const perPage = Math.max(1, Math.ceil(lines.length / labels.length));
  const pages = labels.map((label, i) => {
    const own = lines.slice(i * perPage, (i + 1) * perPage);
    // A page must not start with the blank line between two paragraphs.
    while (own.length > 0 && own[0]!.text === '') own.shift();
    return { label, lines: own };
  });
  const height = Math.max(TEXT_PAGE.minHeight, TEXT_PAGE.top + perPage * TEXT_PAGE.lineHeight + TEXT_PAGE.bottom);
  return { width: TEXT_PAGE.width, height, pages };
}
