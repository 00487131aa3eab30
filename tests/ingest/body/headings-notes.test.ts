import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/diagnostic.js';
import { parseBody } from '../../../src/ingest/body/index.js';
import { closerLineInfo } from '../../../src/ingest/body/closer.js';
import { readingText } from '../../../src/model/reading-text.js';

const parse = (texts: string[], title?: string) =>
  parseBody(
    texts.map((text, i) => ({ text, line: i + 1 })),
    { bag: new DiagnosticBag('t'), ...(title !== undefined ? { title } : {}) },
  );

describe('the title as the first heading', () => {
  it('finds a reworded title below the markings', () => {
    const r = parse(['TOP SECRET', '', 'Record of Conversation between Premier Zhou Enlai and Kim Il Sung', '', 'They met.'], 'Record of Conversation between Zhou Enlai and Kim Il Sung');
    expect(r.blocks.map((b) => b.kind)).toEqual(['marking', 'heading', 'paragraph']);
  });
  it('does not take a sentence sharing the title’s words for a heading', () => {
    const r = parse(['Zhou Enlai and Kim Il Sung met in Beijing.', '', 'They talked.'], 'Record of Conversation between Zhou Enlai and Kim Il Sung');
    expect(r.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('notes sections', () => {
  it('needs a numbered note under the "Notes" heading', () => {
    const r = parse(['The text.', '', 'Notes', '', 'Some notes were taken at the meeting.']);
    expect(r.blocks.some((b) => b.kind === 'notes')).toBe(false);
  });
  it('reads trailing "[n]" lines as notes without a heading, continuation lines included', () => {
    const r = parse(['The text.[1]', '', '[1] First note', 'goes on here.']);
    const notes = r.blocks.find((b) => b.kind === 'notes');
    expect(notes?.kind === 'notes' && notes.notes.map((n) => [n.n, readingText(n.content)])).toEqual([['1', '[1] First note\ngoes on here.']]);
    expect(notes?.kind === 'notes' && notes.heading).toBeUndefined();
  });
});

describe('signers in parentheses', () => {
  it('reads "(Károly Pásztor)" as a signer', () => {
    expect(closerLineInfo('(Károly Pásztor)')).toEqual({ kind: 'signed', signers: [{ kind: 'person', name: 'Károly Pásztor' }] });
  });
});

describe('salutations only open a letter', () => {
  it('reads "Comrade Kim:" as a salutation at the top and as a speaker inside the text', () => {
    const r = parse(['Comrade Kim:', '', 'We write to you.', '', 'Comrade Kim:', 'We agree.']);
    expect(r.blocks.map((b) => b.kind)).toEqual(['salute', 'paragraph', 'speech']);
  });
});
