import { describe, expect, it } from 'vitest';
import { deriveInMemory } from '../../src/pipeline/index.js';
import type { Manifest } from '@iiif/presentation-3';
import type { DecodedCable } from '../../src/stage/index.js';
import { iiifStage, validateIiif } from '../../src/iiif/index.js';
import { decodeTei, encodeTei } from '../../src/tei/index.js';
import { testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';
import { seedCables } from './seed-cables.js';
import { text } from './output-text.js';
import type { OutputFile } from '../../src/stage/index.js';

const config = testConfig();

/** TEI as the build keeps it in tei/, decoded back as the build hands it to the stages. */
function decoded(xml: string, id: string): DecodedCable {
  const { cable, diagnostics } = decodeTei(xml, `tei/${id}.xml`);
  if (!cable) throw new Error(`tei/${id}.xml did not decode: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { cable, teiPath: `tei/${id}.xml`, teiSha256: '0'.repeat(64) };
}

const teiFiles = seedCables().map((cable) => ({ id: cable.id, title: cable.title, xml: encodeTei(cable, config, { when: '2026-01-01T00:00:00Z' }) }));

function manifestOf(files: readonly OutputFile[], id: string): Manifest {
  return JSON.parse(text(files.find((f) => f.path === `iiif/${id}/manifest.json`)!)) as Manifest;
}

describe('IIIF from the seeds’ TEI', () => {
  it('gives valid manifests carrying what the TEI says', () => {
    const { files, diagnostics } = deriveInMemory(iiifStage, teiFiles.map((t) => decoded(t.xml, t.id)), config);
    expect(diagnostics).toEqual([]);
    for (const file of files.filter((f) => f.path.endsWith('.json'))) {
      const json = JSON.parse(text(file)) as unknown;
      expect(validateIiif(json, file.path)).toEqual([]);
      expect(officialErrors(json)).toEqual([]);
    }
    for (const tei of teiFiles) expect(manifestOf(files, tei.id).label.en?.[0]).toBe(tei.title);
    // Nothing the manifests show is lost between ingest's model and the TEI.
    const direct = deriveInMemory(iiifStage, seedCables().map((cable) => ({ cable, teiPath: `tei/${cable.id}.xml`, teiSha256: '0'.repeat(64) })), config);
    expect(files).toEqual(direct.files);
  });

  it('follows a title edited by hand in the TEI, and changes nothing else', () => {
    const [first, ...rest] = teiFiles;
    const before = deriveInMemory(iiifStage, teiFiles.map((t) => decoded(t.xml, t.id)), config).files;
    const mainTitle = /(<title\b[^>]*type="main"[^>]*>)([^<]*)(<\/title>)/;
    expect(first!.xml).toMatch(mainTitle);
    const editedXml = first!.xml.replace(mainTitle, '$1Cable from Jiao Ruoyu on calling on Kim Il (corrected by hand)$3');
    const after = deriveInMemory(iiifStage, [decoded(editedXml, first!.id), ...rest.map((t) => decoded(t.xml, t.id))], config).files;

    expect(manifestOf(after, first!.id).label).toEqual({ en: ['Cable from Jiao Ruoyu on calling on Kim Il (corrected by hand)'] });
    const changed = after.filter((f) => before.find((b) => b.path === f.path)?.content !== f.content).map((f) => f.path);
    // The manifest and the collections listing it by label; the other cable's manifest is untouched.
    expect(changed).toContain(`iiif/${first!.id}/manifest.json`);
    expect(changed).toContain('iiif/collection.json');
    for (const other of rest) expect(changed).not.toContain(`iiif/${other.id}/manifest.json`);
  });
});
