import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSegments, blocksOfKind, parseFixturePage, SEEDS } from './body-fixture.js';

describe('seed 000 (record export, Jiao Ruoyu)', () => {
  const r = parseFixturePage(join(SEEDS, '000_8b1b759c36f2ea61.txt'));

  it('repeats the quoted title as the first heading', () => {
    expect(r.blocks[0]).toEqual({ kind: 'heading', content: [{ kind: 'text', text: 'On the Situation of Calling on Vice Premier Kim Il' }] });
  });

  it('reads the addressee line as a salute naming two organisations', () => {
    const salute = blocksOfKind(r.blocks, 'salute')[0]!;
    expect(salute.content[0]).toEqual({ kind: 'supplied', text: 'To the', delimiter: 'square' });
    const orgs = r.addressees.map((a) => r.entities.find((e) => e.id === a.ref));
    expect(orgs.map((e) => [e?.kind, e?.name])).toEqual([
      ['org', 'Ministry of Foreign Affairs'],
      ['org', 'International Liaison Department'],
    ]);
    expect(r.addressees.map((a) => a.ref)).toEqual(['org-ministry-of-foreign-affairs', 'org-international-liaison-department']);
  });

  it('makes the signer the sender and dates the closer', () => {
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    expect(closer.lines.map((l) => l.kind)).toEqual(['signed', 'dateline']);
    expect(r.senders).toEqual([{ ref: 'pers-jiao-ruoyu' }]);
    expect(r.entities.find((e) => e.id === 'pers-jiao-ruoyu')?.name).toBe('Jiao Ruoyu');
    const dateline = closer.lines[1]!.content[0]!;
    expect(dateline.kind === 'date' && dateline.value).toMatchObject({ verbatim: '25 December 1965', when: '1965-12-25', origin: 'closer' });
  });

  it('finds "24 December [1965]" in the text, with the supplied year as a gloss inside the date', () => {
    const dates = allSegments(r.blocks).filter((s) => s.kind === 'date');
    const first = dates[0]!;
    expect(first.kind === 'date' && first.value).toMatchObject({ verbatim: '24 December [1965]', when: '1965-12-24', precision: 'day' });
    expect(first.kind === 'date' && first.content[1]).toMatchObject({ kind: 'gloss', glossType: 'identification', delimiter: 'square' });
  });

  it('marks the ambassador named in a gloss as a mention of the sender', () => {
    const mentions = allSegments(r.blocks).filter((s) => s.kind === 'mention' && s.ref === 'pers-jiao-ruoyu');
    expect(mentions.length).toBe(2); // "[Jiao Ruoyu]" in the text and the closer
  });

  it('quotes every reported paragraph with straight quotes and classifies the brackets', () => {
    const quotes = allSegments(r.blocks).filter((s) => s.kind === 'quote');
    expect(quotes.length).toBe(6);
    expect(quotes.every((q) => q.kind === 'quote' && q.open === '"' && q.close === '"')).toBe(true);
    const glosses = allSegments(r.blocks).filter((s) => s.kind === 'gloss');
    const explanation = glosses.find((g) => g.kind === 'gloss' && g.glossType === 'explanation');
    expect(explanation).toMatchObject({ content: [{ kind: 'text', text: 'the Korean War' }] });
    expect(allSegments(r.blocks).filter((s) => s.kind === 'supplied').map((s) => s.kind === 'supplied' && s.text)).toContain('We');
  });
});

describe('seed 001 (current site, Yang Yong and Hao Deqing)', () => {
  const r = parseFixturePage(join(SEEDS, '001_3473856850622fa9.txt'));

  it('has two signers on one signed line, both senders', () => {
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    const signed = closer.lines[0]!;
    expect(signed.kind).toBe('signed');
    expect(signed.content.filter((s) => s.kind === 'mention').map((s) => s.kind === 'mention' && s.ref)).toEqual([
      'pers-yang-yong',
      'pers-hao-deqing',
    ]);
    expect(r.senders.map((s) => s.ref)).toEqual(['pers-yang-yong', 'pers-hao-deqing']);
  });

  it('dates the closer 1965-10-29T17:00:00 with the year inferred from the catalogue date', () => {
    const closer = blocksOfKind(r.blocks, 'closer')[0]!;
    const line = closer.lines[1]!;
    expect(line.kind).toBe('dateline');
    const date = line.content[0]!;
    expect(date.kind).toBe('date');
    if (date.kind !== 'date') return;
    expect(date.value).toMatchObject({ verbatim: '29 October, 5:00 p.m.', when: '1965-10-29T17:00:00', precision: 'minute', origin: 'closer' });
    expect(date.value.inferred).toMatch(/catalogue date/);
  });

  it('addresses the Ministry of Foreign Affairs and the Ministry of Defense', () => {
    expect(r.addressees.map((a) => a.ref)).toEqual(['org-ministry-of-foreign-affairs', 'org-ministry-of-defense']);
  });

  it('reads "28 [October 1965]" as one date, and the bare ellipsis inside a quote as a gap', () => {
    const dates = allSegments(r.blocks).filter((s) => s.kind === 'date');
    expect(dates[0]!.kind === 'date' && dates[0]!.value).toMatchObject({ verbatim: '28 [October 1965]', when: '1965-10-28' });
    expect(allSegments(r.blocks).some((s) => s.kind === 'gap' && s.delimiter === 'none' && s.text === '…')).toBe(true);
  });

  it('reports the bracket it could not classify, with its line', () => {
    const info = r.bag.items.filter((d) => d.code === 'ingest/unclassified-bracket');
    expect(info.length).toBeGreaterThan(0);
    expect(info.every((d) => d.severity === 'info' && d.line !== undefined)).toBe(true);
  });
});
