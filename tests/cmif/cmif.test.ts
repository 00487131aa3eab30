import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmifLetterOf, cmifStage, editionUuid } from '../../src/cmif/index.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ingestBytes } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/index.js';
import { deriveInMemory } from '../../src/pipeline/index.js';
import { decodeTei, encodeTei } from '../../src/tei/index.js';
import { officialSchema } from '../support/official-schemas.js';
import { requireProgram } from '../support/programs.js';

const dir = mkdtempSync(join(tmpdir(), 'cablekit-cmif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Problems jing finds with a schema (RELAX NG or Schematron); [] when the file is valid. */
function jing(schema: string, xml: string, name = 'cmif.xml'): string[] {
  const bin = requireProgram('jing', 'jing');
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync(bin, [schema, file], { encoding: 'utf8' });
  // jing prints its findings on stdout (the Debian wrapper's notes about optional jars go to stderr).
  return run.status === 0 ? [] : run.stdout.split('\n').filter(Boolean);
}

function decodedSeed(path: string) {
  const cable = ingestBytes(readFileSync(path), path).cable!;
  const tei = encodeTei(cable, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
  const decoded = decodeTei(tei, `tei/${cable.id}.xml`);
  return { cable: decoded.cable!, teiPath: `tei/${cable.id}.xml`, teiSha256: '0'.repeat(64), encodedWhen: decoded.encodedWhen! };
}

/** A cable with a known sender (authority ids), an inferred addressee, and a dated closer. */
function letterCable(): Cable {
  const path = 'sources/000_8b1b759c36f2ea61.txt';
  const cable = ingestBytes(readFileSync(path), path).cable!;
  return {
    ...cable,
    entities: [
      { id: 'p-kim', kind: 'person', name: 'Kim  Il Sung', aliases: [], authority: [{ scheme: 'gnd', id: '118562126' }, { scheme: 'viaf', id: '108235077' }] },
      { id: 'o-x', kind: 'org', name: 'Central Committee', aliases: [], inferred: 'named in the title only' },
      { id: 'pl-x', kind: 'place', name: 'Beijing', aliases: [] },
    ],
    senders: [{ ref: 'p-kim' }, { ref: 'pl-x' }],
    addressees: [{ ref: 'o-x' }],
    catalogueDate: { verbatim: '29 October 1965, 5 p.m.', when: '1965-10-29T17:00:00', origin: 'catalogue' },
    body: [],
  };
}

describe('CMIF', () => {
  const seeds = ['sources/000_8b1b759c36f2ea61.txt', 'sources/001_3473856850622fa9.txt'].map(decodedSeed);
  const result = deriveInMemory(cmifStage, seeds, DEFAULT_CONFIG);
  const xml = String(result.files[0]?.content);

  it('writes one cmif.xml for the edition, a correspDesc per cable with its page, key and date', () => {
    expect(result.files.map((f) => f.path)).toEqual(['cmif.xml']);
    expect(result.diagnostics).toEqual([]);
    expect(xml.match(/<correspDesc /g)).toHaveLength(2);
    expect(xml).toContain('<correspDesc key="wilson-118686" ref="http://127.0.0.1:8080/site/documents/wilson-118686.html"');
    expect(xml).toContain('<persName>Jiao Ruoyu</persName>\n          <placeName ref="http://www.geonames.org/1873107" evidence="conjecture">North Korea</placeName>\n          <date when="1965-12-25"/>');
    expect(xml).toContain('<date when="2026-01-01T00:00:00Z"/>');
    expect(xml).toContain(`<bibl type="online" xml:id="${editionUuid('http://127.0.0.1:8080')}">`);
  });

  it('is valid against the official CMIF 1.1 RELAX NG and Schematron (jing) and against tei_all', () => {
    expect(jing(officialSchema('cmi-customization.rng'), xml)).toEqual([]);
    expect(jing(officialSchema('cmif.sch'), xml)).toEqual([]);
    expect(jing(officialSchema('tei_all.rng'), xml)).toEqual([]);
  });

  it('the official check can fail: a correspDesc without its received action, or a free-text date, is rejected', () => {
    const noReceived = xml.replace(/<correspAction type="received">[\s\S]*?<\/correspAction>/, '');
    expect(jing(officialSchema('cmif.sch'), noReceived, 'broken-1.xml').join('\n')).toMatch(/E0002/);
    const badDate = xml.replace('<date when="1965-12-25"/>', '<date when="25 December 1965"/>');
    expect(jing(officialSchema('cmi-customization.rng'), badDate, 'broken-2.xml')).not.toEqual([]);
  });

  it('senders and addressees carry their authority URIs as @ref, inferred ones are conjectures, unknown ones "Unknown"', () => {
    const letter = cmifLetterOf(letterCable(), 'https://e.example/doc')!;
    expect(letter.sent).toEqual([{ kind: 'person', name: 'Kim Il Sung', refs: ['http://viaf.org/viaf/108235077', 'https://d-nb.info/gnd/118562126'], conjecture: false }]);
    expect(letter.received).toEqual([{ kind: 'org', name: 'Central Committee', refs: [], conjecture: true }]);
    expect(letter.sentDate).toEqual({ when: '1965-10-29' });
    const one = deriveInMemory(cmifStage, [{ cable: { ...letterCable(), addressees: [] }, teiPath: 'tei/x.xml', teiSha256: '0'.repeat(64), encodedWhen: '2026-01-01T00:00:00Z' }], DEFAULT_CONFIG);
    const text = String(one.files[0]?.content);
    expect(text).toContain('<persName ref="http://viaf.org/viaf/108235077 https://d-nb.info/gnd/118562126">Kim Il Sung</persName>');
    expect(text).toContain('<correspAction type="received">\n          <persName>Unknown</persName>\n        </correspAction>');
    expect(jing(officialSchema('cmi-customization.rng'), text, 'one.xml')).toEqual([]);
    const conjecture = String(deriveInMemory(cmifStage, [{ cable: letterCable(), teiPath: 'tei/x.xml', teiSha256: '0'.repeat(64), encodedWhen: '2026-01-01T00:00:00Z' }], DEFAULT_CONFIG).files[0]?.content);
    expect(conjecture).toContain('<orgName evidence="conjecture">Central Committee</orgName>');
    expect(jing(officialSchema('cmi-customization.rng'), conjecture, 'two.xml')).toEqual([]);
  });

  it('a document with no correspondents is left out; without any encoding date no file is written, with a warning', () => {
    expect(cmifLetterOf({ ...letterCable(), senders: [], addressees: [] }, 'u')).toBeUndefined();
    const undated = deriveInMemory(cmifStage, [{ cable: letterCable(), teiPath: 'tei/x.xml', teiSha256: '0'.repeat(64) }], DEFAULT_CONFIG);
    expect(undated.files).toEqual([]);
    expect(undated.diagnostics.map((d) => d.code)).toEqual(['cmif/undated']);
  });

  it('the edition UUID is stable, a UUID, and a valid xml:id', () => {
    const uuid = editionUuid('https://edition.example.org');
    expect(uuid).toBe(editionUuid('https://edition.example.org'));
    expect(uuid).toMatch(/^[a-f][0-9a-f]{7}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(editionUuid('https://other.example.org')).not.toBe(uuid);
  });
});

describe('CMIF places of sending and receipt', () => {
  const pages = ['tests/fixtures/pages/places-telegram-from-to.txt', 'tests/fixtures/pages/places-dateline.txt', 'sources/000_8b1b759c36f2ea61.txt', 'sources/001_3473856850622fa9.txt'];
  const docs = pages.map(decodedSeed);
  const xml = String(deriveInMemory(cmifStage, docs, DEFAULT_CONFIG).files[0]?.content);
  const descOf = (key: string): string => new RegExp(`<correspDesc key="${key}"[\\s\\S]*?</correspDesc>`).exec(xml)?.[0] ?? '';

  it('a dateline place is written with its GeoNames URI; places the title states are conjectures', () => {
    expect(descOf('wilson-900108')).toMatch(/<correspAction type="sent">[\s\S]*<placeName ref="http:\/\/www\.geonames\.org\/1816670">Beijing<\/placeName>\s*<date when="1965-05-12"\/>/);
    const telegram = descOf('wilson-900107');
    expect(telegram).toMatch(/<correspAction type="sent">[\s\S]*<placeName ref="http:\/\/www\.geonames\.org\/1871859" evidence="conjecture">Pyongyang<\/placeName>/);
    expect(telegram).toMatch(/<correspAction type="received">[\s\S]*<placeName ref="http:\/\/www\.geonames\.org\/683506" evidence="conjecture">Bucharest<\/placeName>/);
    // Seed 000: "Chinese Ambassador in North Korea" (written "[North] Korea" in the text: no brackets in the CMIF name).
    expect(descOf('wilson-118686')).toContain('<placeName ref="http://www.geonames.org/1873107" evidence="conjecture">North Korea</placeName>');
    // Seed 001 says nowhere where it was sent from or to: no place.
    expect(descOf('prc-fma-106-01479-08-85-88')).not.toContain('placeName');
  });

  it('with places, the file is valid against the official CMIF RELAX NG and Schematron, tei_all and cablekit\'s schema', async () => {
    const { validateCmif } = await import('../../src/cmif/index.js');
    expect(xml.match(/<placeName /g)).toHaveLength(4);
    expect(jing(officialSchema('cmi-customization.rng'), xml, 'places.xml')).toEqual([]);
    expect(jing(officialSchema('cmif.sch'), xml, 'places.xml')).toEqual([]);
    expect(jing(officialSchema('tei_all.rng'), xml, 'places.xml')).toEqual([]);
    expect(validateCmif(xml)).toEqual([]);
    // cablekit's schema takes only GeoNames URIs there.
    expect(validateCmif(xml.replace('http://www.geonames.org/1816670', 'http://example.org/beijing'))[0]?.code).toBe('cmif/invalid');
  });
});

describe("CMIF against cablekit's own schema (the build's check)", () => {
  it('accepts what the writer makes and rejects a correspDesc without its received action or with a time in a date', async () => {
    const { validateCmif } = await import('../../src/cmif/index.js');
    const xml = String(deriveInMemory(cmifStage, [decodedSeed('sources/000_8b1b759c36f2ea61.txt')], DEFAULT_CONFIG).files[0]?.content);
    expect(validateCmif(xml)).toEqual([]);
    expect(validateCmif(xml.replace(/<correspAction type="received">[\s\S]*?<\/correspAction>/, ''), 'cmif.xml')[0]).toMatchObject({ code: 'cmif/invalid', file: 'cmif.xml' });
    expect(validateCmif(xml.replace('<date when="1965-12-25"/>', '<date when="1965-12-25T10:00:00"/>'))[0]?.line).toBeGreaterThan(1);
  });
});
