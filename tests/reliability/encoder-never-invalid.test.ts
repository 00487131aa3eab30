import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { decodeTei, encodeTei, rejectionOfEncoding, validateTei } from '../../src/tei/index.js';
import { sampleCable } from '../tei/fixtures/sample-cable.js';
import { WHEN, errorsOf } from '../tei/helpers.js';

const SEED = readFileSync(new URL('../../sources/000_8b1b759c36f2ea61.txt', import.meta.url), 'utf8');

function ingestPage(text: string) {
  return ingestBytes(Buffer.from(text, 'utf8'), 'sources/page.txt');
}

describe('characters XML cannot hold', () => {
  const page = SEED.replace('Kim Il discusses', 'Kim\u0001Il\u001F discusses\uFFFF').replace('Translated by', 'Trans\u0008lated by');

  it('are replaced by documented stand-ins and reported with their code points and lines', () => {
    const r = ingestPage(page);
    const found = r.diagnostics.filter((d) => d.code === 'ingest/xml-illegal-character');
    expect(found.map((d) => d.message.match(/U\+[0-9A-F]{4}/)![0])).toEqual(['U+0008', 'U+0001', 'U+001F', 'U+FFFF']);
    expect(found[1]).toMatchObject({ severity: 'warning', line: page.split('\n').findIndex((l) => l.includes('\u0001')) + 1 });
    expect(found[1]!.column).toBe(page.split('\n').find((l) => l.includes('\u0001'))!.indexOf('\u0001') + 1);
    expect(r.cable!.summary).toContain('Kim\u2401Il\u241F discusses\uFFFD');
  });

  it('never reach the TEI raw: the TEI is valid and decodes to the stand-ins', () => {
    const cable = ingestPage(page).cable!;
    const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(errorsOf(validateTei(xml))).toEqual([]);
    expect(decodeTei(xml).cable!.summary).toBe(cable.summary);
  });

  it('a model that still holds one (built by hand) is refused by the guard, not written', () => {
    const cable = { ...sampleCable(), summary: 'bad \u0002 char' };
    const rejection = rejectionOfEncoding(encodeTei(cable, DEFAULT_CONFIG, WHEN), 'tei/sample-1.xml');
    expect(rejection[0]).toMatchObject({ code: 'tei/encoding-rejected', severity: 'error', file: 'tei/sample-1.xml' });
    expect(rejection.slice(1).map((d) => d.code)).toContain('tei/not-well-formed');
  });
});

describe('the encoder writes only TEI its schema accepts', () => {
  it('a catalogue date taken from the citation (no date line) is valid and round-trips', () => {
    const cable = sampleCable();
    cable.catalogueDate = { verbatim: 'March 2, 1961', when: '1961-03-02', precision: 'day', origin: 'citation' };
    const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
    expect(errorsOf(validateTei(xml))).toEqual([]);
    expect(rejectionOfEncoding(xml)).toEqual([]);
    expect(decodeTei(xml).cable!.catalogueDate).toEqual(cable.catalogueDate);
  });

  it('a page without its date line ingests to valid TEI', () => {
    const page = SEED.replace('**December 15, 1965**\n', '');
    const cable = ingestPage(page).cable!;
    expect(cable.catalogueDate?.origin).toBe('citation');
    expect(errorsOf(validateTei(encodeTei(cable, DEFAULT_CONFIG, WHEN)))).toEqual([]);
  });

  it('a day without a year is an xs:gMonthDay; a day and time without a year goes in @when-custom', () => {
    const cable = sampleCable();
    cable.catalogueDate = { verbatim: 'October 12', when: '--10-12', precision: 'day', origin: 'catalogue' };
    cable.uploadedDate = { verbatim: 'October 12, 5:00 p.m.', when: '--10-12T17:00:00', precision: 'minute', origin: 'uploaded' };
    const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
    expect(xml).toContain('when="--10-12"');
    expect(xml).toContain('when-custom="--10-12T17:00:00"');
    expect(errorsOf(validateTei(xml))).toEqual([]);
    const back = decodeTei(xml).cable!;
    expect(back.catalogueDate).toEqual(cable.catalogueDate);
    expect(back.uploadedDate).toEqual(cable.uploadedDate);
  });
});
