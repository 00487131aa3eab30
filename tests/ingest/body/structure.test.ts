import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockReadingText, readingText } from '../../../src/model/reading-text.js';
import { allSegments, blocksOfKind, PAGES, parseFixturePage } from './body-fixture.js';

const page = (name: string) => parseFixturePage(join(PAGES, `body-${name}.txt`));

describe('numbered paragraphs, lists, separators, page markers', () => {
  const r = page('numbered-paragraphs');
  it('keeps paragraph numbers as written', () => {
    expect(blocksOfKind(r.blocks, 'paragraph').map((p) => p.number)).toEqual(['1.', '(2)', '3)', 'II.', 'a.', undefined, undefined]);
  });
  it('reads dash and bullet lists', () => {
    const lists = blocksOfKind(r.blocks, 'list');
    expect(lists.map((l) => [l.listType, l.items.length])).toEqual([
      ['dash', 2],
      ['bulleted', 2],
    ]);
  });
  it('keeps the separator verbatim and reads "(p. 2)" as a page break', () => {
    expect(blocksOfKind(r.blocks, 'separator').map((s) => s.text)).toEqual(['* * *']);
    expect(allSegments(r.blocks).filter((s) => s.kind === 'pageBreak')).toEqual([{ kind: 'pageBreak', n: '2', text: 'p. 2', delimiter: 'round' }]);
  });
});

describe('footnotes', () => {
  const r = page('footnotes');
  it('links markers in three styles to the notes, and leaves real numbers alone', () => {
    const refs = allSegments(r.blocks).filter((s) => s.kind === 'noteRef');
    expect(refs).toEqual([
      { kind: 'noteRef', n: '1', style: 'square', target: 'note-1' },
      { kind: 'noteRef', n: '2', style: 'round', target: 'note-2' },
      { kind: 'noteRef', n: '3', style: 'bare', target: 'note-3' },
    ]);
    const paragraph = blocksOfKind(r.blocks, 'paragraph')[0]!;
    expect(readingText(paragraph.content)).toContain('In 1968 there were 40 ships.');
  });
  it('reads the notes section', () => {
    const notes = blocksOfKind(r.blocks, 'notes')[0]!;
    expect(notes.heading && readingText(notes.heading)).toBe('Notes');
    expect(notes.notes.map((n) => [n.id, n.n, n.noteType])).toEqual([
      ['note-1', '1', 'footnote'],
      ['note-2', '2', 'footnote'],
      ['note-3', '3', 'footnote'],
    ]);
    expect(readingText(notes.notes[0]!.content)).toBe('[1] The capital of the northern country.');
  });
  it('a number matching no note stays text', () => {
    const r2 = page('translator-notes');
    expect(allSegments(r2.blocks).filter((s) => s.kind === 'noteRef')).toHaveLength(1);
    expect(blocksOfKind(r2.blocks, 'notes')[0]!.notes[0]!.noteType).toBe('translator');
  });
});

describe('several documents on one page', () => {
  it('splits a cover letter from its enclosure and attachment, each with its own closer', () => {
    const r = page('documents');
    const docs = blocksOfKind(r.blocks, 'document');
    expect(docs.map((d) => d.documentType)).toEqual(['enclosure', 'attachment']);
    expect(docs.map((d) => blockReadingText(d.blocks[0]!))).toEqual(['Enclosure', 'Attachment:']);
    expect(r.blocks.slice(0, 3).map((b) => b.kind)).toEqual(['salute', 'paragraph', 'closer']);
  });
  it('makes each dated journal entry a document with a dated heading', () => {
    const r = page('journal');
    const docs = blocksOfKind(r.blocks, 'document');
    expect(docs.map((d) => d.documentType)).toEqual(['entry', 'entry']);
    const heads = docs.map((d) => d.blocks[0]!);
    expect(
      heads.map((h) => h.kind === 'heading' && h.content[0]?.kind === 'date' && [h.content[0].value.when, h.content[0].value.origin]),
    ).toEqual([
      ['1971-01-03', 'heading'],
      ['1971-01-05', 'heading'],
    ]);
  });
});
