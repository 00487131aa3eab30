import { describe, expect, it } from 'vitest';
import { citationKey } from '../../src/site/citation/citation-cache.js';
import { deriveDocument, editionEntry, readSiteAssets } from '../../src/site/index.js';
import { deriveSite } from '../../src/site/index.js';
import { browserCorpus } from './built-site.js';
import { testSettings } from './site-fixtures.js';

/**
 * The citation cache: a document derived with the entry the build kept from its last derivation
 * takes its Chicago forms, BibTeX and RIS from that entry when the key (CSL item, style, locale,
 * library versions) is the same, and renders them afresh otherwise. Same bytes either way.
 */
const settings = testSettings();
const corpus = browserCorpus();
deriveSite(corpus, settings, readSiteAssets()); // registers the style
const fresh = corpus.map((c) => deriveDocument(c, settings));
const kept = fresh.map((d) => JSON.parse(JSON.stringify(editionEntry(d))) as unknown);

describe('citations kept between derivations', () => {
  it('a kept entry gives the same files, byte for byte, as a fresh render', () => {
    corpus.forEach((cable, i) => {
      const again = deriveDocument(cable, settings, kept[i]);
      expect(again.files).toEqual(fresh[i]!.files);
      expect(editionEntry(again)).toEqual(editionEntry(fresh[i]!));
    });
  });

  it('reuses the kept citation when its key holds (citeproc is not called)', () => {
    const entry = structuredClone(kept[0]) as { citation: { noteHtml: string }; bibtex: string };
    entry.citation.noteHtml = 'KEPT NOTE';
    entry.bibtex = 'KEPT BIBTEX';
    const again = deriveDocument(corpus[0]!, settings, entry);
    expect(again.files[0]!.content).toContain('KEPT NOTE');
    expect(again.files.find((f) => f.path.endsWith('.bib'))!.content).toBe('KEPT BIBTEX');
  });

  it('renders afresh when the CSL item changed, or the kept entry has another key or shape', () => {
    const changed = { ...corpus[0]!, title: `${corpus[0]!.title ?? ''} (corrected)` };
    const entry = structuredClone(kept[0]) as { citation: { key: string; noteHtml: string } };
    entry.citation.noteHtml = 'KEPT NOTE';
    const redone = deriveDocument(changed, settings, entry);
    expect(redone.files[0]!.content).not.toContain('KEPT NOTE');
    expect(redone.files[0]!.content).toContain('(corrected)');
    expect(redone.citation.key).not.toBe(entry.citation.key);
    entry.citation.key = 'another';
    expect(deriveDocument(corpus[0]!, settings, entry).files).toEqual(fresh[0]!.files);
    for (const junk of [null, 'x', 7, {}, { citation: { key: fresh[0]!.citation.key } }]) {
      expect(deriveDocument(corpus[0]!, settings, junk).files).toEqual(fresh[0]!.files);
    }
  });

  it('keys on the CSL item: another settings value (the page URL) is another key', () => {
    const other = deriveDocument(corpus[0]!, testSettings({ baseUrl: 'https://elsewhere.example.org' }), kept[0]);
    expect(other.citation.key).not.toBe(fresh[0]!.citation.key);
    expect(other.files[0]!.content).toContain('https://elsewhere.example.org/site/documents/');
    expect(citationKey(fresh[0]!.csl)).toBe(fresh[0]!.citation.key);
  });
});
