import { sortSummaries, type DocumentSummary } from '../document-summary.js';
import { html, type Html } from '../html.js';
import type { SiteSettings } from '../site-settings.js';
import { documentPagePath, relativeUrl } from '../site-urls.js';
import { browseValuePath, facetPagePath } from './browse-paths.js';
import { TextPieces } from '../text-pieces.js';
import { PartKeys, type EditionPart } from '../edition-parts.js';
import { pageFrame, renderPage } from './layout.js';

/** One way of grouping the documents, and the page it is shown on. */
export interface Facet {
  /** 'years' → browse/years.html */
  slug: string;
  label: string;
  /** The values a document has for this facet (none, one, or several). */
  values(summary: DocumentSummary): readonly string[];
}

const one = (v: string | undefined): string[] => (v === undefined ? [] : [v]);

export const FACETS: readonly Facet[] = [
  { slug: 'years', label: 'Timeline (by year)', values: (s) => one(s.year) },
  { slug: 'archives', label: 'By archive', values: (s) => one(s.archive) },
  { slug: 'types', label: 'By document type', values: (s) => one(s.documentType) },
  { slug: 'people', label: 'By person', values: (s) => s.people },
  { slug: 'organisations', label: 'By organisation', values: (s) => s.organisations },
  { slug: 'places', label: 'By place', values: (s) => s.places },
];

// One collator for every sort: String#localeCompare with a locale sets one up on every call,
// over the thousands of names of a large edition (the edition pages took 13 s at 10,000 documents).
const COLLATOR = new Intl.Collator('en');

/** Value → documents with it, values in order (years ascending, others alphabetically). */
export function groupBy(facet: Facet, summaries: readonly DocumentSummary[], sorted = false): [string, DocumentSummary[]][] {
  const groups = new Map<string, DocumentSummary[]>();
  for (const s of sorted ? summaries : sortSummaries(summaries)) {
    for (const v of facet.values(s)) {
      const list = groups.get(v);
      if (list === undefined) groups.set(v, [s]);
      else list.push(s);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => COLLATOR.compare(a, b));
}

export function documentListItem(s: DocumentSummary, fromPath: string): Html {
  return html`<li><a href="${relativeUrl(fromPath, documentPagePath(s.id))}">${s.title}</a>${s.dateText ? html` <span class="list-date">${s.dateText}</span>` : ''}${
    s.documentType ? html` <span class="list-type">${s.documentType}</span>` : ''
  }</li>`;
}

const ITEM_START = '<li><a href="';

/**
 * A document's list item as the index (at the top of the site) shows it: made with the document's
 * page and kept in its edition entry, so the lists of a one-document change are joined, not
 * rendered again. A page one folder down shows the same item with its link one folder up.
 */
export function topListItem(s: DocumentSummary): string {
  return documentListItem(s, 'index.html').value;
}

/**
 * Each document's list item once per folder depth of the pages listing it (the index at the top,
 * every facet page in browse/, every value page in browse/<facet>/), not once per list it appears in: a document named with five
 * people is listed on the timeline, archive, type and five times on the people page. Items kept
 * in the entries (`topListItem`) are used as they are; others are rendered.
 */
export class ListItems {
  private readonly byDepth = new Map<number, Map<DocumentSummary, string>>();

  constructor(private readonly kept: ReadonlyMap<DocumentSummary, string> = new Map()) {}

  /** Each document's item, in turn, into `out`. */
  add(out: TextPieces, documents: readonly DocumentSummary[], fromPath: string): void {
    const depth = fromPath.split('/').length;
    let cache = this.byDepth.get(depth);
    if (cache === undefined) this.byDepth.set(depth, (cache = new Map()));
    for (const s of documents) {
      let item = cache.get(s);
      if (item === undefined) cache.set(s, (item = this.item(s, fromPath, depth)));
      out.push(item);
    }
  }

  private item(s: DocumentSummary, fromPath: string, depth: number): string {
    const top = this.kept.get(s);
    if (top === undefined || !top.startsWith(ITEM_START)) return documentListItem(s, fromPath).value;
    return depth === 1 ? top : ITEM_START + '../'.repeat(depth - 1) + top.slice(ITEM_START.length);
  }
}

/** A facet's values with their counts, each linking to its own page; the timeline draws a bar a year. */
function facetPage(facet: Facet, summaries: readonly DocumentSummary[], groups: readonly [string, DocumentSummary[]][], settings: SiteSettings): string {
  const path = facetPagePath(facet.slug);
  const max = Math.max(1, ...groups.map(([, docs]) => docs.length));
  const [before, after] = pageFrame({ path, title: facet.label }, settings);
  const out = new TextPieces();
  out.push(
    before,
    html`<h1>${facet.label}</h1>
<p>${groups.length} ${groups.length === 1 ? 'value' : 'values'} over ${summaries.length} ${summaries.length === 1 ? 'document' : 'documents'}.</p>
`.value,
  );
  if (groups.length === 0) out.push(html`<p>No document of the edition has one.</p>`.value);
  else {
    out.push('<ul class="value-index">');
    for (const [value, docs] of groups) {
      out.push(
        html`<li><a href="${relativeUrl(path, browseValuePath(facet.slug, value))}">${value}</a> <span class="count">${docs.length}</span>${
          facet.slug === 'years' ? html`<span class="bar" style="width:${Math.round((docs.length / max) * 100)}%"></span>` : ''
        }</li>`.value,
      );
    }
    out.push('</ul>\n');
  }
  out.push(after);
  return out.text();
}

/** The documents with one value of a facet, in list order. */
function valuePage(facet: Facet, value: string, docs: readonly DocumentSummary[], settings: SiteSettings, items: ListItems): string {
  const path = browseValuePath(facet.slug, value);
  const [before, after] = pageFrame({ path, title: `${value} · ${facet.label}` }, settings);
  const out = new TextPieces();
  out.push(
    before,
    html`<h1>${value}</h1>
<p>${docs.length} ${docs.length === 1 ? 'document' : 'documents'}, oldest first. <a href="${relativeUrl(path, facetPagePath(facet.slug))}">${facet.label}</a>: every value with its count.</p>
<ul class="document-list">`.value,
  );
  items.add(out, docs, path);
  out.push('</ul>', after);
  return out.text();
}

function browseIndex(counts: readonly number[], settings: SiteSettings): string {
  const path = 'browse/index.html';
  const main = html`<h1>Browse the edition</h1><ul class="facet-list">${FACETS.map(
    (f, i) => html`<li><a href="${relativeUrl(path, facetPagePath(f.slug))}">${f.label}</a> <span class="count">${counts[i]}</span></li>`,
  )}</ul>`;
  return renderPage({ path, title: 'Browse', main }, settings);
}

/** Each facet's values with the documents of each, `sorted` in list order (`sortSummaries`): the browse pages and the sitemap use them. */
export function facetGroups(sorted: readonly DocumentSummary[]): [string, DocumentSummary[]][][] {
  return FACETS.map((f) => groupBy(f, sorted, true));
}

/** browse/index.html, a page per facet listing its values, and a page per value listing its documents; each keyed by what it shows. */
export function browseParts(
  sorted: readonly DocumentSummary[],
  groups: readonly [string, DocumentSummary[]][][],
  settings: SiteSettings,
  items: ListItems,
  keys: PartKeys,
): EditionPart[] {
  const counts = groups.map((g) => g.length);
  return [
    { path: 'browse/index.html', key: PartKeys.of(['browse', counts]), render: () => browseIndex(counts, settings) },
    ...FACETS.flatMap((f, i) => {
      const facetGroups = groups[i]!;
      return [
        {
          path: facetPagePath(f.slug),
          key: PartKeys.of([f.slug, sorted.length, facetGroups.map(([value, docs]) => [value, docs.length])]),
          render: () => facetPage(f, sorted, facetGroups, settings),
        },
        ...facetGroups.map(([value, docs]) => ({
          path: browseValuePath(f.slug, value),
          key: keys.list(JSON.stringify([f.slug, value]), docs),
          render: () => valuePage(f, value, docs, settings, items),
        })),
      ];
    }),
  ];
}
