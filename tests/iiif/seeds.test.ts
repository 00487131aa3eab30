import { describe, expect, it } from 'vitest';
import type { Manifest } from '@iiif/presentation-3';
import { deriveIiifFiles, validateIiif } from '../../src/iiif/index.js';
import { readPlaceAuthority } from '../../src/pipeline/index.js';
import { testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';
import { seedCables } from './seed-cables.js';
import { text } from './output-text.js';

describe('the seeds', () => {
  const cables = seedCables();
  const { authority } = readPlaceAuthority();
  const { files, diagnostics } = deriveIiifFiles(cables, { config: testConfig(), places: authority, pageImages: new Map() });

  it('give valid manifests and collections (cablekit’s rules and the official schema)', () => {
    expect(cables).toHaveLength(2);
    expect(diagnostics).toEqual([]);
    for (const file of files.filter((f) => f.path.endsWith('.json'))) {
      const json = JSON.parse(text(file)) as unknown;
      expect(validateIiif(json, file.path)).toEqual([]);
      expect(officialErrors(json)).toEqual([]);
    }
  });

  it('carry title, summary, dates as written, archive reference, translators, funder, rights, provider and links', () => {
    for (const cable of cables) {
      const file = files.find((f) => f.path === `iiif/${cable.id}/manifest.json`);
      const manifest = JSON.parse(text(file!)) as Manifest;
      const body = text(file!);
      expect(manifest.label.en?.[0]).toBe(cable.title);
      if (cable.summary) expect(manifest.summary?.en?.[0]).toBe(cable.summary);
      if (cable.catalogueDate) expect(body).toContain(JSON.stringify(cable.catalogueDate.verbatim));
      for (const reference of cable.archiveReferences) expect(body).toContain(JSON.stringify(reference.verbatim));
      for (const c of cable.contributors) expect(body).toContain(JSON.stringify(c.name));
      for (const funder of cable.funders) expect(body).toContain(funder);
      expect(manifest.rights).toBe(testConfig().rightsUri);
      expect(manifest.provider?.[0]?.type).toBe('Agent');
      expect(manifest.seeAlso?.map((s) => s.id)).toEqual([`http://127.0.0.1:8080/tei/${cable.id}.xml`, `http://127.0.0.1:8080/dc/${cable.id}.oai_dc.xml`]);
      expect(manifest.items.length).toBeGreaterThan(0);
    }
  });
});
