import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/diagnostic.js';
import { parseBody } from '../../../src/ingest/body/index.js';
import type { Inline } from '../../../src/model/inline.js';
import { readingText } from '../../../src/model/reading-text.js';
import { blocksOfKind, PAGES, parseFixturePage } from './body-fixture.js';

const r = parseFixturePage(join(PAGES, 'body-editorial.txt'));
const paragraphs = blocksOfKind(r.blocks, 'paragraph');
const marks = (content: Inline[]) => content.filter((s) => s.kind !== 'text');

/** Inline segments of one paragraph of text, parsed on its own. */
function inline(text: string): { content: Inline[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag('t');
  const { blocks } = parseBody([{ text: 'x', line: 1 }, { text: '', line: 2 }, { text, line: 3 }], { bag });
  const last = blocks[blocks.length - 1]!;
  return { content: last.kind === 'paragraph' ? last.content : [], bag };
}

describe('editorial brackets', () => {
  it('tells added words from identifications and explanations', () => {
    expect(marks(paragraphs[0]!.content).map((s) => (s.kind === 'gloss' ? `gloss:${s.glossType}` : s.kind))).toEqual([
      'supplied',
      'gloss:identification',
      'gloss:identification',
      'gloss:identification',
      'gloss:explanation',
      'gloss:explanation',
    ]);
  });

  it('reads [sic] after a word and after a gloss, and unclear readings inside numbers', () => {
    expect(marks(paragraphs[1]!.content)).toEqual([
      { kind: 'sic', marker: 'sic', delimiter: 'square' },
      { kind: 'unclear', text: '0', delimiter: 'double-square' },
      { kind: 'unclear', text: '11', delimiter: 'double-square' },
      { kind: 'gloss', glossType: 'identification', content: [{ kind: 'text', text: 'North Korea' }], delimiter: 'square' },
      { kind: 'sic', marker: 'sic', delimiter: 'square' },
    ]);
    expect(paragraphs[1]!.content[2]).toEqual({ kind: 'text', text: ' that the count was 2' });
  });

  it('reads every gap form, and a bare ellipsis only mid-sentence', () => {
    expect(marks(paragraphs[2]!.content)).toEqual([
      { kind: 'gap', text: '...', delimiter: 'square', reason: 'omitted' },
      { kind: 'gap', text: '. . .', delimiter: 'square', reason: 'omitted' },
      { kind: 'gap', text: '….', delimiter: 'square', reason: 'omitted' },
      { kind: 'gap', text: '…', delimiter: 'square', reason: 'omitted' },
      { kind: 'gap', text: '…', delimiter: 'none', reason: 'omitted' },
    ]);
    expect(marks(inline('It ends here…').content)).toEqual([]);
  });

  it('reads stamps and handwriting over several lines, and an unbalanced one to the end of its block with a warning', () => {
    const [multi, stamp, open] = [paragraphs[3]!, paragraphs[4]!, paragraphs[5]!];
    expect(multi.content[0]).toMatchObject({ kind: 'stamp', stampType: 'handwriting', label: 'handwritten: ', delimiter: 'square' });
    expect(readingText(multi.content)).toBe('[handwritten: approved\nby the minister]');
    expect(stamp.content[0]).toMatchObject({ kind: 'stamp', stampType: 'stamp', label: 'stamp: ' });
    expect(open.content[0]).toMatchObject({ kind: 'stamp', delimiter: 'square-open' });
    expect(readingText(open.content)).toBe('[handwritten: see the file\nand return it');
    expect(r.bag.items.filter((d) => d.code === 'ingest/unbalanced-bracket').map((d) => [d.severity, d.line])).toEqual([['warning', 41]]);
  });

  it("reads translator's notes in three shapes, keeping their labels", () => {
    const notes = marks(paragraphs[6]!.content);
    expect(notes.map((n) => n.kind)).toEqual(['translatorNote', 'translatorNote', 'translatorNote']);
    expect(notes.map((n) => readingText([n]))).toEqual(["[Translator's note: the name is unclear.]", '[trans. note—a place name]', '[a port – trans.]']);
  });

  it('reads editorial remarks, queries and review notes', () => {
    expect(marks(paragraphs[7]!.content).map((s) => s.kind === 'editorial' && [s.editorialType, s.delimiter])).toEqual([
      ['emphasis', 'square'],
      ['no-name', 'square'],
      ['illegible-signature', 'square'],
      ['redacted', 'round'],
      ['query', 'square'],
      ['review', 'round'],
    ]);
  });

  it('reads curly, straight and unclosed quotes', () => {
    const quotes = marks(paragraphs[8]!.content);
    expect(quotes.map((q) => q.kind === 'quote' && [q.open, q.close])).toEqual([
      ['“', '”'],
      ['"', '"'],
      ['“', ''],
    ]);
  });

  it('encodes a bracket it cannot classify neutrally, and says so', () => {
    expect(paragraphs[9]!.content[0]).toMatchObject({ kind: 'gloss', glossType: 'unclassified' });
    expect(r.bag.items.some((d) => d.code === 'ingest/unclassified-bracket' && d.severity === 'info' && d.line === 50)).toBe(true);
  });

  it('keeps an unbalanced plain bracket as text with a warning', () => {
    const { content, bag } = inline('He came [late and left.');
    expect(readingText(content)).toBe('He came [late and left.');
    expect(content.every((s) => s.kind === 'text')).toBe(true);
    expect(bag.items.map((d) => d.code)).toEqual(['ingest/unbalanced-bracket']);
  });

  it('leaves ordinary parentheses as text', () => {
    const { content } = inline('The plan (as agreed) stands.');
    expect(content).toEqual([{ kind: 'text', text: 'The plan (as agreed) stands.' }]);
  });
});

describe('more editorial remarks', () => {
  it.each([
    ['[handwritten]', { kind: 'editorial', editorialType: 'other', text: 'handwritten', delimiter: 'square' }],
    ['[Ed.: the date is unclear]', { kind: 'editorial', editorialType: 'other' }],
    ['[in English in the original]', { kind: 'editorial', editorialType: 'other' }],
    ['[Page 2]', { kind: 'pageBreak', n: '2', text: 'Page 2', delimiter: 'square' }],
    ['[illegible]', { kind: 'gap', reason: 'illegible' }],
    ['[sic!]', { kind: 'sic', marker: 'sic!' }],
  ])('%s', (mark, expected) => {
    const { content } = inline(`He wrote ${mark} here.`);
    expect(content[1]).toMatchObject(expected);
    expect(readingText(content)).toBe(`He wrote ${mark} here.`);
  });
});
