import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionFiles, collectionParts, iiifIds, manifestFiles, type CollectionEntry } from '../../src/iiif/index.js';
import { placeAuthority } from '../../src/iiif/place-authority.js';
import type { Cable } from '../../src/model/cable.js';
import { summaryDigest } from '../../src/stage/index.js';
import { conversationCable, jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { assertHeldKeysKeepBytes, rekeyedPaths, type KeyedFiles } from '../support/held-keys.js';
import { seedCables } from './seed-cables.js';

/**
 * The IIIF collections as the build makes them, file by file: a collection whose key holds is
 * kept as it is, so the key must change whenever its bytes would.
 */
const config = testConfig();
const ids = iiifIds(config.baseUrl);
const places = placeAuthority([]);
const base: Cable[] = [...seedCables(), jiaoRuoyuCable(), conversationCable()];

const entriesOf = (cables: readonly Cable[]): CollectionEntry[] =>
  [...cables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => manifestFiles(c, [], config, ids, places).entry);
const partsOf = (cables: readonly Cable[]): KeyedFiles => {
  const entries = entriesOf(cables);
  return new Map(collectionParts(entries, entries.map(summaryDigest), config, ids).map((p) => [p.path, { key: p.key, content: p.render().content }]));
};

describe('IIIF collections as keyed parts', () => {
  it('render the same files and findings as the collections made whole', () => {
    const entries = entriesOf(base);
    const whole = collectionFiles(entries, config, ids);
    const parts = collectionParts(entries, entries.map(summaryDigest), config, ids).map((p) => ({ path: p.path, ...p.render() }));
    expect(parts.map((p) => ({ path: p.path, content: p.content }))).toEqual(whole.files);
    expect(parts.flatMap((p) => p.diagnostics)).toEqual(whole.diagnostics);
    expect(parts.length).toBeGreaterThan(3);
  });

  const edit = fc.oneof(
    fc.record({ kind: fc.constant('title' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 10 }) }),
    fc.record({ kind: fc.constant('year' as const), at: fc.nat(), year: fc.integer({ min: 1950, max: 1990 }) }),
    fc.record({ kind: fc.constant('type' as const), at: fc.nat(), type: fc.constantFrom('Telegram', 'Report', 'Letter') }),
    fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), id: fc.stringMatching(/^[a-z]{3,6}$/) }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  );
  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
  const apply = (cables: Cable[], e: Edit): Cable[] => {
    const i = e.at % cables.length;
    const c = cables[i]!;
    const out = [...cables];
    if (e.kind === 'title') out[i] = { ...c, title: `${c.title ?? c.id} ${e.text}` };
    if (e.kind === 'year') out[i] = { ...c, catalogueDate: { verbatim: `June 2, ${e.year}`, when: `${e.year}-06-02`, origin: 'catalogue' } };
    if (e.kind === 'type') out[i] = { ...c, documentType: e.type };
    if (e.kind === 'copy' && !out.some((d) => d.id === `x-${e.id}`)) out.push({ ...c, id: `x-${e.id}` });
    if (e.kind === 'remove' && out.length > 1) out.splice(i, 1);
    return out;
  };

  it('change a file only when its key changes, over random sequences of edits (property)', () => {
    assertHeldKeysKeepBytes(base, edit, apply, partsOf, 40);
  });

  it("keep the collections a title change does not touch: only the corpus's and the document's groups' change", () => {
    const target = base[0]!;
    const before = partsOf(base);
    const after = partsOf(base.map((c) => (c.id === target.id ? { ...c, title: `${c.title ?? c.id} (corrected)` } : c)));
    const rekeyed = rekeyedPaths(before, after);
    expect(rekeyed).toContain('iiif/collection.json');
    expect(rekeyed.length).toBeLessThan(after.size);
    for (const [path, p] of after) if (!rekeyed.includes(path)) expect(p.content).toBe(before.get(path)!.content);
  });
});
