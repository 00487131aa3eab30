import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { deriveSite, readSiteAssets } from '../../src/site/index.js';
import { cslItem, type CslItem } from '../../src/site/citation/csl-item.js';
import { CHICAGO_TEMPLATE, exportCitations, formatChicago, unwrapRis } from '../../src/site/citation/format-citation.js';
import { decodedSeeds, jsonLdOf, metaTags, testSettings, textOf } from './site-fixtures.js';

const seeds = decodedSeeds();
const settings = testSettings();
const files = new Map(deriveSite(seeds, settings, readSiteAssets()).map((f) => [f.path, f.content]));

/** The facts a citation must carry, read straight from the TEI file (not through the decoder). */
function fromTei(id: string): { title: string; date: string; authors: string[]; reference: string } {
  const xml = readFileSync(fileURLToPath(new URL(`../../tei/${id}.xml`, import.meta.url)), 'utf8');
  const sent = /<correspAction type="sent">([\s\S]*?)<\/correspAction>/.exec(xml)?.[1] ?? '';
  return {
    title: textOf(/<title type="main">([^<]*)<\/title>/.exec(xml)![1]!),
    date: /<date type="catalogue" when="([^"]+)"/.exec(xml)![1]!,
    authors: [...sent.matchAll(/<(?:persName|orgName)[^>]*>([^<]*)<\//g)].map((m) => textOf(m[1]!)),
    reference: textOf(/<idno type="archival-citation"[^>]*>([^<]*)<\/idno>/.exec(xml)![1]!),
  };
}

describe('citation metadata read back from the pages', () => {
  for (const cable of seeds) {
    const page = files.get(`documents/${cable.id}.html`)!;
    const url = `https://edition.example.org/pub/site/documents/${cable.id}.html`;
    const tei = fromTei(cable.id);

    it(`${cable.id}: citation_* tags give the TEI's title, date, authors, archive reference and the page URL`, () => {
      const tags = metaTags(page);
      expect(tags.get('citation_title')).toEqual([tei.title]);
      expect(tags.get('citation_date')).toEqual([tei.date.slice(0, 10).replace(/-/g, '/')]);
      expect(tags.get('citation_author')).toEqual(tei.authors);
      expect(tags.get('citation_archive_id')).toEqual([tei.reference]);
      expect(tags.get('citation_public_url')).toEqual([url]);
    });

    it(`${cable.id}: the JSON-LD gives the same`, () => {
      const data = jsonLdOf(page);
      expect(data['@context']).toBe('https://schema.org');
      expect(data.name).toBe(tei.title);
      expect(data.dateCreated).toBe(tei.date);
      expect((data.author as { name: string }[]).map((a) => a.name)).toEqual(tei.authors);
      expect(data.identifier.value).toBe(tei.reference);
      expect(data.url).toBe(url);
    });

    it(`${cable.id}: the Chicago note and bibliography name title, date, reference and URL`, () => {
      const cite = textOf(/<section class="citation"[\s\S]*?<\/section>/.exec(page)![0]);
      expect(cite).toContain(tei.reference);
      expect(cite).toContain(url);
      expect(cite).toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
      for (const a of tei.authors) expect(cite).toContain(a);
    });

    it(`${cable.id}: the BibTeX, RIS and CSL-JSON downloads parse back to the same title, year and URL`, () => {
      for (const ext of ['bib', 'ris', 'csl.json']) {
        const [item] = new Cite(files.get(`documents/${cable.id}.${ext}`)!).data as { title: string; URL: string; issued: { 'date-parts': number[][] } }[];
        expect(item!.title, ext).toBe(tei.title);
        expect(item!.URL, ext).toBe(url);
        expect(item!.issued['date-parts'][0]![0], ext).toBe(Number(tei.date.slice(0, 4)));
      }
    });
  }

  it('the edition-wide downloads hold every document', () => {
    for (const ext of ['bib', 'ris', 'csl.json']) {
      const items = new Cite(files.get(`edition.${ext}`)!).data as { URL: string }[];
      expect(items.map((i) => i.URL).sort()).toEqual(seeds.map((c) => `https://edition.example.org/pub/site/documents/${c.id}.html`).sort());
    }
  });
});

/**
 * Items that differ where the style and the exports branch: several authors and translators, a
 * date without an ISO value or none, no archive or reference, a title with quotes, an ampersand
 * and markup-like text, another language, an author whose name looks like a sort particle.
 */
function variedItems(): CslItem[] {
  const items = seeds.map((c) => cslItem(c, settings));
  const base = items[0]!;
  const bare: CslItem = { ...base, id: 'bare-item' };
  delete bare.author;
  delete bare.issued;
  delete bare.archive;
  delete bare.archive_location;
  delete bare.genre;
  delete bare.note;
  return [
    ...items,
    bare,
    {
      ...base,
      id: 'many-names',
      author: [{ literal: 'Ministry of Foreign Affairs' }, { literal: 'A. Gromyko' }, { literal: 'de la Vega' }],
      translator: [{ literal: 'Gary Goldberg' }, { literal: 'Sergey Radchenko' }],
      note: 'f. 1, op. 2, AVPRF; translated by Gary Goldberg and Sergey Radchenko',
    },
    { ...base, id: 'literal-date', issued: { literal: 'late 1965 [?]' }, title: 'On the "Vietnam" question & <b>others</b>: a [sic] report' },
    { ...base, id: 'year-only', issued: { 'date-parts': [[1966]] }, language: 'ru', genre: 'telegram' },
    { ...base, id: 'month-only', issued: { 'date-parts': [[1966, 3]] }, author: [{ literal: 'van der Berg' }] },
  ];
}

describe('Chicago forms from citeproc-js', () => {
  // formatChicago drives Citation.js's cached citeproc engine directly (for speed) with the style
  // less its sorts: it must give exactly what Citation.js's own Cite#format gives with the full style.
  const items = variedItems();
  it.each(items.map((i) => [i.id, i] as const))('%s: the same note and bibliography as Cite#format', (_id, item) => {
    const cite = new Cite([item]);
    const options = { template: CHICAGO_TEMPLATE, lang: 'en-US', format: 'html' };
    const expected = { noteHtml: cite.format('citation', options), bibliographyHtml: cite.format('bibliography', options) };
    expect(expected.noteHtml).toContain(item.URL);
    expect(formatChicago(item)).toEqual(expected);
    // Twice in a row and after another item: the engine keeps no state of the previous call.
    formatChicago(items[1]!);
    expect(formatChicago(item)).toEqual(expected);
  });
});

describe('BibTeX and RIS from Citation.js', () => {
  // exportCitations calls Citation.js's output plugins directly: the same text as a Cite of the items.
  const items = variedItems();
  const viaCite = (list: CslItem[]): { bibtex: string; ris: string } => {
    const cite = new Cite(list);
    return { bibtex: cite.format('bibtex', { format: 'text' }), ris: unwrapRis(cite.format('ris', { format: 'text' })) };
  };
  it.each(items.map((i) => [i.id, i] as const))('%s: the same BibTeX and RIS as Cite#format, the item unchanged', (_id, item) => {
    const before = structuredClone(item);
    const { bibtex, ris } = exportCitations([item]);
    expect({ bibtex, ris }).toEqual(viaCite([item]));
    expect(bibtex).toContain(item.URL);
    expect(ris).toContain(`UR  - ${item.URL}`);
    expect(item).toEqual(before);
  });
  it('the same for all the items at once', () => {
    const { bibtex, ris } = exportCitations(items);
    expect({ bibtex, ris }).toEqual(viaCite(items));
  });
});
