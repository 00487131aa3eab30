import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingText } from '../../../src/model/reading-text.js';
import { blocksOfKind, PAGES, parseFixturePage } from './body-fixture.js';

describe('speaker-labelled dialogue', () => {
  const r = parseFixturePage(join(PAGES, 'body-speakers.txt'));
  const speeches = blocksOfKind(r.blocks, 'speech');

  it('recognises every label shape, with its separator as written', () => {
    expect(speeches.map((s) => [readingText(s.speaker), s.separator])).toEqual([
      ['Pak', ': '],
      ['Orlov', ':\n'],
      ['PAK', '. '],
      ['North (Han Mi Ok)', ': '],
      ['Cde. Sokol', '—'],
      ['Chairman [Lev Sokol] (to be abbreviated as Sokol)', ': '],
      ['Sokol', ' : '],
      ['Lund', ': '],
    ]);
  });

  it('gives every speech the entity that speaks', () => {
    const name = (id: string | undefined) => r.entities.find((e) => e.id === id)?.name;
    expect(speeches.map((s) => name(s.who))).toEqual([
      'Pak Tong Su',
      'Orlov',
      'Pak Tong Su',
      'Han Mi Ok',
      'Cde. Sokol',
      'Lev Sokol',
      'Lev Sokol',
      'Marta Lund',
    ]);
  });

  it('turns "(hereafter Pak)" and "[henceforth referred to as Lund]" into aliases, marked inferred on the role', () => {
    const pak = r.entities.find((e) => e.name === 'Pak Tong Su')!;
    expect(pak.aliases).toContain('Pak');
    expect(r.entities.find((e) => e.name === 'Lev Sokol')!.aliases).toContain('Sokol');
    expect(r.entities.find((e) => e.name === 'Marta Lund')!.aliases).toContain('Lund');
    expect(r.participants.find((p) => p.ref === pak.id)?.inferred).toMatch(/alias/);
  });

  it('reads a "Kim:" alone on its line with the next line as the speech', () => {
    expect(readingText(speeches[1]!.content)).toBe('Thank you for the invitation.');
  });

  it('keeps a memo label ("Time:") a header field, not a speaker', () => {
    const fields = blocksOfKind(r.blocks, 'fields');
    expect(fields.map((f) => f.fields[0]!.role)).toEqual(['time']);
    expect(speeches.some((s) => readingText(s.speaker) === 'Time')).toBe(false);
  });

  it('gives entity ids that are xml:id-safe and unique', () => {
    const ids = r.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/);
  });
});
