import { describe, expect, it } from 'vitest';
import { closerLineInfo } from '../../../src/ingest/body/closer.js';
import { parseFieldLine } from '../../../src/ingest/body/fields.js';
import { documentStart, markingType } from '../../../src/ingest/body/line-patterns.js';
import { addresseesOf, isSaluteLine } from '../../../src/ingest/body/salute.js';
import { parseSpeakerLine } from '../../../src/ingest/body/speaker-label.js';
import { slugify } from '../../../src/text/slugify.js';

describe('speaker labels versus other "Word:" lines', () => {
  it.each([
    ['Kim: We agree.', 'Kim', ': '],
    ['Kim Il Sung: We agree.', 'Kim Il Sung', ': '],
    ['KIM. We agree.', 'KIM', '. '],
    ['North (Kim): We agree.', 'North (Kim)', ': '],
    ['Cde. Ivanov—We agree.', 'Cde. Ivanov', '—'],
    ['Zhou : We agree.', 'Zhou', ' : '],
  ])('%s is a speech by %s', (line, label, separator) => {
    expect(parseSpeakerLine(line)).toMatchObject({ label, separator });
  });

  it.each(['Time: 10:00', 'To: the Ministry', 'Subject: trade', 'Note: see above', 'When discussing the war, Kim said: “no”', 'He said: yes', 'I. Introduction', 'At 5:00 we met.'])(
    '%s is not a speech',
    (line) => {
      expect(parseSpeakerLine(line)).toBeUndefined();
    },
  );

  it('takes the name from a gloss and aliases from the declaration', () => {
    expect(parseSpeakerLine('Chairman [Mao Zedong] (to be abbreviated as Mao): Yes.')).toMatchObject({ name: 'Mao Zedong', aliases: ['Mao'] });
    expect(parseSpeakerLine('North (Kim Il Sung): Yes.')).toMatchObject({ name: 'Kim Il Sung' });
  });
});

describe('header fields', () => {
  it('splits two labels on one line, keeping separators as written', () => {
    expect(parseFieldLine('Date: 5 May 1963\tClassification: Secret')).toEqual([
      { label: 'Date', separator: ': ', role: 'date', value: '5 May 1963' },
      { label: 'Classification', separator: ': ', role: 'classification', value: 'Secret' },
    ]);
  });
  it('reads side labels as participants, and unknown labels as nothing', () => {
    expect(parseFieldLine('Chinese side: Zhou Enlai')?.[0]?.role).toBe('participants');
    expect(parseFieldLine('Kim: hello')).toBeUndefined();
  });
});

describe('closer lines', () => {
  it.each([
    ['Jiao Ruoyu', 'signed'],
    ['Yang Yong and Hao Deqing', 'signed'],
    ['25 December 1965', 'dateline'],
    ['Pyongyang, 25 December 1965', 'dateline'],
    ['29 October, 5:00 p.m.', 'dateline'],
    ['[signature]', 'signed'],
    ['/I. SURNAME/', 'signed'],
    ['AMBASSADOR OF THE USSR IN THE DPRK', 'other'],
  ])('%s → %s', (line, kind) => {
    expect(closerLineInfo(line)?.kind).toBe(kind);
  });
  it.each(['We will not forget this.', 'Long live our friendship!', 'He met them on 25 December 1965 and left.'])('%s is prose', (line) => {
    expect(closerLineInfo(line)).toBeUndefined();
  });
});

describe('addressee lines, markings, documents, ids', () => {
  it('reads the addressees of an address line', () => {
    expect(isSaluteLine('[To the] Ministry of Foreign Affairs and the International Liaison Department:')).toBe(true);
    expect(addresseesOf('To the Foreign Ministry:')).toEqual([{ kind: 'org', name: 'Foreign Ministry' }]);
    expect(isSaluteLine('To: the Ministry')).toBe(false);
  });
  it('classifies marking lines and leaves prose alone', () => {
    expect(markingType('Copy Nº 1')).toBe('copy');
    expect(markingType('Strictly secret')).toBe('classification');
    expect(markingType('Secret talks were held in the capital. They lasted long.')).toBeUndefined();
  });
  it('opens documents on attachment lines', () => {
    expect(documentStart('Attachment:')).toBe('attachment');
    expect(documentStart('Attachment: Letter of the Embassy')).toBe('attachment');
    expect(documentStart('Enclosure 2')).toBe('enclosure');
    expect(documentStart('The attachment was lost.')).toBeUndefined();
  });
  it('slugs names into xml:id-safe parts', () => {
    expect(slugify('Łukasz Żak')).toBe('lukasz-zak');
    expect(slugify('José Martí')).toBe('jose-marti');
    expect(slugify('中文')).toBe('');
  });
});

describe('capitals that are not speakers', () => {
  it.each(['MEMORANDUM.', 'MEMORANDUM. On the visit', 'KIM.', 'NOTE. See above.', 'TELEGRAM. From Moscow'])('%s is no speech', (line) => {
    expect(parseSpeakerLine(line)).toBeUndefined();
  });
});

describe('speaker names completed by a gloss', () => {
  it('joins a surname and its bracketed given name, keeping the label as an alias', () => {
    expect(parseSpeakerLine('Kim [Il Sung]: Yes.')).toMatchObject({ name: 'Kim Il Sung', aliases: ['Kim'] });
    expect(parseSpeakerLine('Kim [Kim Il Sung]: Yes.')).toMatchObject({ name: 'Kim Il Sung', aliases: ['Kim'] });
  });
  it('does not take interview letters for speakers', () => {
    expect(parseSpeakerLine('Q: What happened?')).toBeUndefined();
    expect(parseSpeakerLine('A: Nothing.')).toBeUndefined();
  });
});
