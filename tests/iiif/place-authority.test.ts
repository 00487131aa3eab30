import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { deriveInMemory, readPlaceAuthority } from '../../src/pipeline/index.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/cable.js';
import { iiifStage, locatePlaces } from '../../src/iiif/index.js';
import { jiaoRuoyuCable, testConfig } from './cable-fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'cablekit-iiif-authority-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const place = (id: string, name: string, aliases: string[] = [], extra: Partial<Entity> = {}): Entity => ({ id, kind: 'place', name, aliases, ...extra });

describe('the place authority', () => {
  const { authority, diagnostics } = readPlaceAuthority();

  it('ships the capitals the cables talk about, with WGS84 coordinates', () => {
    expect(diagnostics).toEqual([]);
    for (const name of ['pyongyang', 'beijing', 'moscow', 'seoul', 'tokyo', 'hanoi', 'jakarta']) {
      const entry = authority.byName.get(name);
      expect(entry?.coordinates.lat).toBeGreaterThanOrEqual(-90);
      expect(entry?.coordinates.lon).toBeLessThanOrEqual(180);
    }
  });

  it('locates places by name or alias, ignoring case, and nothing else', () => {
    const located = locatePlaces(
      [
        place('p1', 'PEKING'),
        place('p2', 'the capital', ['Beijing']),
        place('p3', 'East Pyongyang'),
        { id: 'k', kind: 'person', name: 'Moscow', aliases: [] },
      ],
      authority,
    );
    // Two entities for Beijing give one point; a district or a person gives none.
    expect(located.map((p) => p.key)).toEqual(['beijing']);
  });

  it('keeps coordinates an earlier stage put on the entity', () => {
    const located = locatePlaces([place('p-kaesong', 'Kaesong', [], { coordinates: { lat: 37.97, lon: 126.55 } })], authority);
    expect(located).toEqual([{ key: 'p-kaesong', label: 'Kaesong', lat: 37.97, lon: 126.55 }]);
  });

  it('reads a configured authority file and reports entries it cannot use', () => {
    const file = join(scratch, 'places.json');
    writeFileSync(
      file,
      JSON.stringify({ places: [{ id: 'atlantis', name: 'Atlantis', coordinates: { lat: 10, lon: 20 } }, { key: 'nowhere', name: 'Nowhere', coordinates: { lat: 120, lon: 0 } }] }),
    );
    const read = readPlaceAuthority(file);
    expect([...new Set(read.authority.byName.values())].map((p) => p.key)).toEqual(['atlantis']);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['iiif/authority-entry']);

    const decoded = { cable: jiaoRuoyuCable(), teiPath: 'tei/wilson-118686.xml', teiSha256: '0'.repeat(64) };
    const { files } = deriveInMemory(iiifStage, [decoded], testConfig({ authorityFile: file }));
    const manifest = files.find((f) => f.path === 'iiif/wilson-118686/manifest.json')!.content;
    // The fixture mentions Atlantis and Pyongyang; this file only knows Atlantis.
    expect(manifest).toContain('"Atlantis"');
    expect(manifest).toContain('[\n            20,\n            10\n          ]');
  });

  it('turns a missing authority file into a warning, not a failure', () => {
    const decoded = { cable: jiaoRuoyuCable(), teiPath: 'tei/wilson-118686.xml', teiSha256: '0'.repeat(64) };
    const { files, diagnostics } = deriveInMemory(iiifStage, [decoded], testConfig({ authorityFile: join(scratch, 'missing.json') }));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'iiif/authority-unreadable', severity: 'warning' })]);
    expect(files.find((f) => f.path === 'iiif/wilson-118686/manifest.json')!.content).not.toContain('navPlace');
  });
});
