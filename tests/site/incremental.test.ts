import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cable } from '../../src/model/cable.js';
import { exportCitations } from '../../src/site/citation/format-citation.js';
import { deriveDocument, deriveEdition, deriveSite, editionEntry, editionParts, readSiteAssets, type EditionEntry } from '../../src/site/index.js';
import { browserCorpus } from './built-site.js';
import { assertHeldKeysKeepBytes, rekeyedPaths, type KeyedFiles } from '../support/held-keys.js';
import { testSettings } from './site-fixtures.js';

/**
 * The site stage as an incremental build uses it: each document's files from that document
 * alone, the edition-wide files (index, browse pages, sitemap, edition downloads) from the
 * per-document entries, which survive a JSON round trip (the build keeps them between runs).
 */
const assets = readSiteAssets();
const settings = testSettings();
const corpus = browserCorpus();
const byPath = (files: readonly { path: string; content: string }[]): Map<string, string> => new Map(files.map((f) => [f.path, f.content]));
const full = byPath(deriveSite(corpus, settings, assets));

describe('the site stage, incrementally', () => {
  it('makes the whole site from documents one at a time and kept entries (JSON round trip)', () => {
    const documents = corpus.map((c) => deriveDocument(c, settings));
    const kept = JSON.parse(JSON.stringify(documents.map(editionEntry))) as EditionEntry[];
    const pieced = byPath([...documents.flatMap((d) => d.files), ...deriveEdition(kept, settings, assets)]);
    expect([...pieced.keys()].sort()).toEqual([...full.keys()].sort());
    for (const [path, content] of full) expect(pieced.get(path), path).toBe(content);
  });

  it('makes the same edition-wide files from entries without list items (kept by an earlier version) or with some', () => {
    const entries = corpus.map((c) => editionEntry(deriveDocument(c, settings)));
    expect(entries.every((e) => typeof e.listItem === 'string' && e.listItem.startsWith('<li>'))).toBe(true);
    const edition = byPath(deriveEdition(entries, settings, assets));
    const without = entries.map(({ listItem: _dropped, ...rest }) => rest);
    const mixed = entries.map((e, i) => (i % 2 === 0 ? e : without[i]!));
    for (const variant of [without, mixed]) {
      const files = byPath(deriveEdition(variant, settings, assets));
      for (const [path, content] of edition) expect(files.get(path), path).toBe(content);
    }
  });

  it('after one document changes, only its files and edition-wide files differ', () => {
    const target = corpus[1]!;
    const changed: Cable = { ...target, title: `${target.title ?? target.id} (corrected)` };
    const after = byPath(deriveSite(corpus.map((c) => (c.id === target.id ? changed : c)), settings, assets));
    const differing = [...after].filter(([path, content]) => full.get(path) !== content).map(([path]) => path);
    const ownFiles = new Set(deriveDocument(target, settings).files.map((f) => f.path));
    const others = corpus.filter((c) => c.id !== target.id).flatMap((c) => deriveDocument(c, settings).files.map((f) => f.path));
    expect(differing.some((p) => ownFiles.has(p))).toBe(true);
    // No other document's page or download is touched: a build may keep them as they are.
    for (const path of others) expect(differing).not.toContain(path);
    expect(differing.filter((p) => !ownFiles.has(p)).every((p) => !p.startsWith('documents/'))).toBe(true);
  });

  it("joins the edition's downloads from the documents' own, byte for byte what Citation.js gives for all of them", () => {
    const items = corpus.map((c) => deriveDocument(c, settings).csl).sort((a, b) => (a.id < b.id ? -1 : 1));
    const whole = exportCitations(items);
    expect(full.get('edition.csl.json')).toBe(whole.csl);
    expect(full.get('edition.bib')).toBe(whole.bibtex);
    expect(full.get('edition.ris')).toBe(whole.ris);
  });
});

describe('the edition downloads of an empty edition', () => {
  it('are what Citation.js gives for no items', () => {
    const none = deriveEdition([], settings, assets);
    const text = (path: string): string => none.find((f) => f.path === path)!.content;
    const nothing = exportCitations([]);
    expect(text('edition.csl.json')).toBe(nothing.csl);
    expect(text('edition.bib')).toBe(nothing.bibtex);
    expect(text('edition.ris')).toBe(nothing.ris);
  });
});

describe('the edition-wide files keyed by what they are made from', () => {
  const base = corpus.map((c) => deriveDocument(c, settings));
  const partsOf = (cables: readonly Cable[]): KeyedFiles =>
    new Map(editionParts(cables.map((c) => editionEntry(deriveDocument(c, settings))), settings, assets).map((p) => [p.path, { key: p.key, content: p.render() }]));

  // Edits a build meets: a corrected title, a new date, a name added or dropped, a document added or removed.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('title' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('date' as const), at: fc.nat(), year: fc.integer({ min: 1949, max: 1991 }) }),
    fc.record({ kind: fc.constant('person' as const), at: fc.nat(), name: fc.constantFrom('Zhou Enlai', 'Andrei Gromyko', 'Kim Il Sung') }),
    fc.record({ kind: fc.constant('drop-names' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), id: fc.stringMatching(/^[a-z]{3,8}$/) }),
  );
  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
  const apply = (cables: Cable[], e: Edit): Cable[] => {
    const i = e.at % cables.length;
    const c = cables[i]!;
    const out = [...cables];
    switch (e.kind) {
      case 'title':
        out[i] = { ...c, title: `${c.title ?? c.id} ${e.text}` };
        break;
      case 'date':
        out[i] = { ...c, catalogueDate: { verbatim: `May 1, ${e.year}`, when: `${e.year}-05-01`, origin: 'catalogue' } };
        break;
      case 'person':
        out[i] = { ...c, entities: [...c.entities, { id: `p-${e.name.replace(/\W/g, '')}`, kind: 'person', name: e.name, aliases: [] }] };
        break;
      case 'drop-names':
        out[i] = { ...c, entities: [] };
        break;
      case 'remove':
        if (out.length > 1) out.splice(i, 1);
        break;
      case 'add':
        if (!out.some((d) => d.id === `x-${e.id}`)) out.push({ ...c, id: `x-${e.id}` });
        break;
    }
    return out;
  };

  it('renders every file as deriveEdition does', () => {
    const entries = base.map(editionEntry);
    const rendered = editionParts(entries, settings, assets).map((p) => ({ path: p.path, content: p.render() }));
    expect(rendered).toEqual(deriveEdition(entries, settings, assets));
  });

  it('changes a file only when its key changes, over random sequences of edits (property)', () => {
    assertHeldKeysKeepBytes(corpus, edit, apply, partsOf, 60);
  });

  it('keeps most files of a one-document title change: only the lists that show the document and the downloads change', () => {
    const target = corpus[1]!;
    const before = partsOf(corpus);
    const after = partsOf(corpus.map((c) => (c.id === target.id ? { ...c, title: `${c.title ?? c.id} (corrected)` } : c)));
    const rekeyed = rekeyedPaths(before, after);
    expect(rekeyed).toContain('index.html');
    expect(rekeyed).toContain('edition.bib');
    expect(rekeyed).not.toContain('sitemap.xml');
    expect(rekeyed).not.toContain('browse/years.html');
    expect(rekeyed.length).toBeLessThan(after.size / 2);
  });
});
