import { describe, expect, it } from 'vitest';
import type { Cable } from '../../src/model/cable.js';
import { exportCitations } from '../../src/site/citation/format-citation.js';
import { deriveDocument, deriveEdition, deriveSite, editionEntry, readSiteAssets, type EditionEntry } from '../../src/site/index.js';
import { browserCorpus } from './built-site.js';
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
