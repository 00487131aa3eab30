import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cable } from '../../src/model/cable.js';
import { deriveSite, readSiteAssets } from '../../src/site/index.js';
import { compareSummaries, sortSummaries, summarize, type DocumentSummary } from '../../src/site/document-summary.js';
import { FACETS, groupBy } from '../../src/site/render/browse-pages.js';
import { browseValuePath } from '../../src/site/render/browse-paths.js';
import { decodedSeeds, testSettings, textOf } from './site-fixtures.js';

const seeds = decodedSeeds();
// A third document, a year later and in another archive, so counts and order are tested with more than one value.
const later: Cable = {
  ...seeds[0]!,
  id: 'test-later',
  title: 'A later report',
  documentType: 'Report',
  catalogueDate: { verbatim: 'March 3, 1966', when: '1966-03-03', origin: 'catalogue' },
  archiveReferences: [{ verbatim: 'AVPRF f. 1, op. 2', archive: 'AVPRF', units: [] }],
};
const corpus = [...seeds, later];
const settings = testSettings();
const files = new Map(deriveSite(corpus, settings, readSiteAssets()).map((f) => [f.path, f.content]));

describe('browse pages, index and sitemap', () => {
  it('groups by year, archive and type with counts', () => {
    const summaries = corpus.map(summarize);
    const years = groupBy(FACETS[0]!, summaries).map(([y, docs]) => [y, docs.length]);
    expect(years).toEqual([
      ['1965', 2],
      ['1966', 1],
    ]);
    const archives = groupBy(FACETS[1]!, summaries);
    expect(archives.find(([a]) => a === 'AVPRF')?.[1].map((d) => d.id)).toEqual(['test-later']);
    // The timeline lists each year with its count and links to the year's own page.
    const timeline = files.get('browse/years.html')!;
    expect(textOf(timeline)).toMatch(/1965 2 +1966 1/);
    expect(timeline).toContain(`href="../${browseValuePath('years', '1965')}"`);
    expect(textOf(files.get(browseValuePath('years', '1965'))!)).toMatch(/2 documents, oldest first/);
    expect(textOf(files.get(browseValuePath('years', '1966'))!)).toMatch(/1 document, oldest first/);
    expect(textOf(files.get('browse/types.html')!)).toMatch(/Report \d/);
  });

  it('lists the people, organisations and places of the standOff, without the translators', () => {
    const people = textOf(files.get('browse/people.html')!);
    const named = seeds.flatMap((c) => c.entities.filter((e) => e.kind === 'person' && !c.contributors.some((k) => k.ref === e.id)));
    expect(named.length).toBeGreaterThan(0);
    for (const e of named) expect(people).toContain(e.name);
    for (const c of seeds.flatMap((s) => s.contributors)) expect(people).not.toContain(`${c.name} (`);
    const orgs = seeds.flatMap((c) => c.entities.filter((e) => e.kind === 'org'));
    for (const e of orgs) expect(textOf(files.get('browse/organisations.html')!)).toContain(e.name);
    expect(files.has('browse/places.html')).toBe(true);
  });

  it('links each listed document to its page, oldest first on the index', () => {
    const index = files.get('index.html')!;
    const order = [...index.matchAll(/href="documents\/([^"]+)\.html"/g)].map((m) => m[1]);
    expect(order[order.length - 1]).toBe('test-later');
    expect(new Set(order)).toEqual(new Set(corpus.map((c) => c.id)));
    const year = files.get(browseValuePath('years', '1966'))!;
    expect(year).toContain('href="../../documents/test-later.html"');
    expect(year).not.toContain('documents/wilson-118686.html');
  });

  it('links every value shown on a document page or a facet page to a page of the site', () => {
    const links = [...files].flatMap(([path, content]) =>
      [...content.matchAll(/href="((?!https?:)[^"#]*browse\/[^"#]+)"/g)].map((m) => posix.normalize(posix.join(posix.dirname(path), m[1]!))),
    );
    const facetLinks = links.filter((l) => l.split('/').length === 3);
    expect(facetLinks.length).toBeGreaterThan(5);
    for (const link of links) expect(files.has(link), link).toBe(true);
  });

  it('gives two values that slug alike two pages, and a long name a short file name', () => {
    expect(browseValuePath('people', 'Zhou Enlai')).not.toBe(browseValuePath('people', 'Zhou En-lai'));
    expect(browseValuePath('people', 'Zhou Enlai')).toMatch(/^browse\/people\/zhou-enlai-[0-9a-z]+\.html$/);
    expect(browseValuePath('places', '北京')).toMatch(/^browse\/places\/x-[0-9a-z]+\.html$/);
    expect(browseValuePath('organisations', 'Ministry '.repeat(40)).length).toBeLessThan(100);
  });

  it('writes a sitemap of every page with absolute URLs', () => {
    const sitemap = files.get('sitemap.xml')!;
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = [...files.keys()].filter((p) => p.endsWith('.html')).map((p) => `https://edition.example.org/pub/site/${p}`);
    expect(new Set(locs)).toEqual(new Set(pages));
  });

  it('renders a document page from that document alone', () => {
    const alone = deriveSite([seeds[1]!], settings, readSiteAssets()).find((f) => f.path === `documents/${seeds[1]!.id}.html`)!;
    expect(alone.content).toBe(files.get(`documents/${seeds[1]!.id}.html`));
  });
});

describe('the order of every list of documents', () => {
  it('sortSummaries gives the order of compareSummaries (a stable sort), with equal dates, equal ids and undated documents', () => {
    const dates = [undefined, '1965', '1965-12', '1965-12-24', '1966-01-02', '1965-12-2'];
    const ids = ['a', 'b', 'a-1', 'a1', 'Z', 'é', 'a'];
    const list: DocumentSummary[] = [];
    for (let i = 0; i < 60; i++) {
      const s: DocumentSummary = { id: ids[(i * 7) % ids.length]!, title: `t${i}`, people: [], organisations: [], places: [] };
      const date = dates[(i * 5) % dates.length];
      if (date !== undefined) s.dateIso = date;
      list.push(s);
    }
    expect(sortSummaries(list)).toEqual([...list].sort(compareSummaries));
    // Same objects, in the same order for equal keys.
    const sorted = sortSummaries(list);
    const expected = [...list].sort(compareSummaries);
    sorted.forEach((s, i) => expect(s).toBe(expected[i]));
  });

  it('gives the same order when the summaries come in id order, as the build hands them over (dates sorted, ids kept in order)', () => {
    const dates = [undefined, '1965', '1965-12', '1965-12-24', '1966-01-02', '1965-12-2', '\uffff'];
    const list: DocumentSummary[] = [];
    for (let i = 0; i < 80; i++) {
      const s: DocumentSummary = { id: `d${String(i).padStart(3, '0')}`, title: `t${i}`, people: [], organisations: [], places: [] };
      const date = dates[(i * 5) % dates.length];
      if (date !== undefined) s.dateIso = date;
      list.push(s);
    }
    const sorted = sortSummaries(list);
    const expected = [...list].sort(compareSummaries);
    expect(sorted.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(sorted.map((s) => s.id)).not.toEqual(list.map((s) => s.id));
    sorted.forEach((s, i) => expect(s).toBe(expected[i]));
  });
});
