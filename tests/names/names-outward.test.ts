import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { toOaiDc, toQualifiedDc, validateDc } from '../../src/dc/index.js';
import { ingestBytes } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/index.js';
import { decodeTei, encodeTei, validateTei } from '../../src/tei/index.js';
import { qdcProblems } from '../support/official-schemas.js';

/** Seed 001 as the derived stages see it: ingested, encoded, decoded back. */
function seed001(): { tei: string; cable: Cable } {
  const path = 'sources/001_3473856850622fa9.txt';
  const tei = encodeTei(ingestBytes(readFileSync(path), path).cable!, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
  return { tei, cable: decodeTei(tei, 'tei/x.xml').cable! };
}

describe('names flow outward from the standOff', () => {
  const { tei, cable } = seed001();

  it('standOff entries carry authority URIs, valid against the project schema, and decode back to scheme and id', () => {
    expect(tei).toContain('<idno type="URI" subtype="geonames">https://sws.geonames.org/1871859/</idno>');
    expect(validateTei(tei, 'tei/x.xml').filter((d) => d.severity === 'error')).toEqual([]);
    expect(cable.entities.find((e) => e.id === 'place-pyongyang')?.authority).toContainEqual({ scheme: 'geonames', id: '1871859' });
    expect(cable.entities.find((e) => e.id === 'pers-mao-zedong')?.authority).toEqual([{ scheme: 'wikidata', id: 'Q5816' }]);
  });

  it('older TEI with bare ids typed by scheme still decodes', () => {
    const old = tei.replace('<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q5816</idno>', '<idno type="wikidata">Q5816</idno>');
    expect(old).not.toBe(tei);
    const decoded = decodeTei(old, 'tei/x.xml').cable!;
    expect(decoded.entities.find((e) => e.id === 'pers-mao-zedong')?.authority).toEqual([{ scheme: 'wikidata', id: 'Q5816' }]);
  });

  it('qualified DC: persons and organisations as dcterms:subject, places as dcterms:spatial, with URIs; valid against project and official schemas', () => {
    const qdc = toQualifiedDc(cable, DEFAULT_CONFIG);
    expect(qdc).toContain('<dcterms:subject>Mao Zedong</dcterms:subject>\n  <dcterms:subject xsi:type="dcterms:URI">http://www.wikidata.org/entity/Q5816</dcterms:subject>');
    expect(qdc).toContain('<dcterms:spatial>Pyongyang</dcterms:spatial>\n  <dcterms:spatial xsi:type="dcterms:URI">https://sws.geonames.org/1871859/</dcterms:spatial>');
    // Translators are contributors, not what the document is about.
    expect(qdc).not.toContain('<dcterms:subject>Charles Kraus</dcterms:subject>');
    expect(validateDc(qdc, 'qdc')).toEqual([]);
    expect(qdcProblems(qdc)).toEqual([]);
  });

  it('simple DC gets the names as dc:subject, no URIs', () => {
    const dc = toOaiDc(cable, DEFAULT_CONFIG);
    expect(dc).toContain('<dc:subject>Kim Il Sung</dc:subject>');
    expect(dc).not.toMatch(/<dc:subject>http/);
    expect(validateDc(dc, 'oai_dc')).toEqual([]);
  });
});
