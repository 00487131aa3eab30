import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingText } from '../../../src/model/reading-text.js';
import { blocksOfKind, PAGES, parseFixturePage } from './body-fixture.js';

const page = (name: string) => parseFixturePage(join(PAGES, `body-${name}.txt`));

describe('closers', () => {
  it('reads office titles, "[signature]" and "/I. SURNAME/"', () => {
    const r = page('salutation');
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    expect(closer.lines.map((l) => [l.kind, readingText(l.content)])).toEqual([
      ['other', 'AMBASSADOR OF THE REPUBLIC'],
      ['signed', '[signature]'],
      ['signed', '/I. ORLOV/'],
    ]);
    expect(closer.lines[1]!.content[0]).toEqual({ kind: 'editorial', editorialType: 'signature', text: 'signature', delimiter: 'square' });
    expect(r.senders.map((s) => r.entities.find((e) => e.id === s.ref)?.name)).toEqual(['I. ORLOV']);
  });

  it('reads two signers and a dateline without a year', () => {
    const r = page('closer-two-signers');
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    expect(closer.lines.map((l) => l.kind)).toEqual(['signed', 'dateline']);
    expect(r.senders.map((s) => s.ref)).toEqual(['pers-ivan-orlov', 'pers-lev-sokol']);
    const date = closer.lines[1]!.content[0]!;
    expect(date.kind === 'date' && date.value).toMatchObject({ when: '1965-10-29T17:00:00', inferred: expect.stringMatching(/1965/) });
  });

  it('does not take a last paragraph of prose for a closer', () => {
    const r = page('classification-variants');
    expect(blocksOfKind(r.blocks, 'closer')).toEqual([]);
  });
});

describe('salutations and addressee lines', () => {
  it('reads "To the Foreign Ministry:" and "Dear Comrade Minister," as salutes', () => {
    const r = page('salutation');
    const salutes = blocksOfKind(r.blocks, 'salute');
    expect(salutes.map((s) => readingText(s.content))).toEqual(['To the Foreign Ministry:', 'Dear Comrade Minister,']);
    expect(r.addressees.map((a) => r.entities.find((e) => e.id === a.ref)?.name)).toEqual(['Foreign Ministry']);
    expect(blocksOfKind(r.blocks, 'heading')).toEqual([]); // the title shares words with the address line, but it is no heading
  });
});

describe('markings', () => {
  it('classifies each marking line', () => {
    const r = page('markings');
    const markings = blocksOfKind(r.blocks, 'marking');
    expect(markings.map((m) => [m.markingType, readingText(m.content)])).toEqual([
      ['classification', 'TOP SECRET'],
      ['copy', 'Copy Nº 1'],
      ['registry', 'Nº 112'],
      ['registry', 'No. (65) 62'],
      ['urgency', 'Urgent'],
      ['registry', 'MEMORANDUM NO. 279'],
      ['transmission', 'Sent: 8 August 1966, 14:20'],
      ['transmission', 'Received: 8 August 1966, 18:05'],
      ['transmission', 'Deciphered by Oleg Brun'],
      ['classification', 'Top Secret!'],
      ['distribution', '5 copies printed'],
    ]);
    const sent = markings[6]!.content.find((s) => s.kind === 'date');
    expect(sent?.kind === 'date' && sent.value.when).toBe('1966-08-08T14:20:00');
  });

  it('reads a distribution list after "N copies printed"', () => {
    const r = page('markings');
    const list = blocksOfKind(r.blocks, 'list')[0]!;
    expect(list.listType).toBe('distribution');
    expect(list.items.map((i) => [i.label, readingText(i.content)])).toEqual([
      ['1 -', 'to Cde. Orlov'],
      ['2 -', 'to Cde. Sokol'],
      ['3 -', 'to the file'],
    ]);
  });

  it('knows the other classification and urgency forms', () => {
    const r = page('classification-variants');
    expect(blocksOfKind(r.blocks, 'marking').map((m) => m.markingType)).toEqual(['classification', 'classification', 'classification', 'urgency']);
  });
});

describe('a closer above the distribution list', () => {
  it('finds the signature above "Sent to:" and the copies list', () => {
    const r = page('closer-then-distribution');
    expect(r.blocks.map((b) => b.kind)).toEqual(['paragraph', 'closer', 'fields', 'marking', 'list']);
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    expect(closer.lines.map((l) => l.kind)).toEqual(['other', 'signed']);
    expect(r.senders.map((s) => r.entities.find((e) => e.id === s.ref)?.name)).toEqual(['A. PETROV']);
    expect(blocksOfKind(r.blocks, 'fields')[0]!.fields[0]!.role).toBe('to');
  });
});
