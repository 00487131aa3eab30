import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { editionUrls } from '../../src/edition/index.js';
import { cableToDcFields, toOaiDc, toQualifiedDc, validateDc } from '../../src/dc/index.js';
import { ingestBytes } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/index.js';
import { decodeTei, encodeTei } from '../../src/tei/index.js';
import { qdcProblems, xmllintProblems } from '../support/official-schemas.js';

/** The seed pages committed with the project (the sample edition's sources). */
const SEEDS = fileURLToPath(new URL('../../sources/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'cablekit-dc-seeds-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A seed as the DC stage sees it: ingested, encoded to TEI and decoded back. */
function decodedSeed(name: string): Cable {
  const path = `sources/${name}`;
  const ingested = ingestBytes(new Uint8Array(readFileSync(join(SEEDS, name))), path);
  if (!ingested.cable) throw new Error(`seed ${name} did not ingest`);
  const tei = encodeTei(ingested.cable, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
  const decoded = decodeTei(tei, `tei/${ingested.cable.id}.xml`);
  if (!decoded.cable) throw new Error(`TEI of ${name} did not decode`);
  return decoded.cable;
}

const seeds = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();

describe('DC of the seeds (from their TEI)', () => {
  for (const name of seeds) {
    it(`${name}: valid against the project schemas, with the link-back, rights and DCMI type`, () => {
      const cable = decodedSeed(name);
      const oaiDc = toOaiDc(cable, DEFAULT_CONFIG);
      const qdc = toQualifiedDc(cable, DEFAULT_CONFIG);
      expect(validateDc(oaiDc, 'oai_dc')).toEqual([]);
      expect(validateDc(qdc, 'qdc')).toEqual([]);
      const f = cableToDcFields(cable, DEFAULT_CONFIG);
      expect(f.title).toBeTruthy();
      // The edition's own URL always; the source page's URL only when the page gives it.
      expect(f.identifiers).toContain(editionUrls(DEFAULT_CONFIG.baseUrl).tei(cable.id));
      expect(f.rightsUri).toBe(DEFAULT_CONFIG.rightsUri);
      expect(f.created?.w3cdtf).toBe(true);
      writeFileSync(join(out, `${cable.id}.oai_dc.xml`), oaiDc);
      writeFileSync(join(out, `${cable.id}.qdc.xml`), qdc);
    });
  }

  it('seed 000 (document 118686): source, date, translator and original language as the page gives them', () => {
    const f = cableToDcFields(decodedSeed(seeds[0] as string), DEFAULT_CONFIG);
    expect(f.sources).toEqual(['PRC FMA 106-01480-05, 46-49']);
    // First the link-back to the edition's page, then the archive's page.
    expect(f.identifiers.slice(0, 2)).toEqual([`${DEFAULT_CONFIG.baseUrl}/site/documents/wilson-118686.html`, 'https://wilson-center-digital-archive.dvincitest.com/document/118686']);
    expect(f.created).toEqual({ value: '1965-12-15', w3cdtf: true });
    expect(f.contributors).toContain('Charles Kraus');
    expect(f.originalLanguage?.label).toBe('Chinese');
    expect(f.abstract).toMatch(/^Kim Il discusses Sino-North Korean relations/);
  });

  it('all pass the official schemas (xmllint, schemas/official)', () => {
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(seeds.length * 2);
    for (const name of files) {
      const path = join(out, name);
      const problems = name.endsWith('.qdc.xml') ? qdcProblems(readFileSync(path, 'utf8')) : xmllintProblems('oai_dc.xsd', path);
      expect(problems, name).toEqual([]);
    }
  });
});
