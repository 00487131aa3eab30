import type { DocumentSummary } from '../document-summary.js';
import { escapeHtml, html } from '../html.js';
import type { SiteSettings } from '../site-settings.js';
import { documentPagePath, encodePath, relativeUrl, siteUrl } from '../site-urls.js';
import { FACETS, type ListItems } from './browse-pages.js';
import { TextPieces } from '../text-pieces.js';
import { pageFrame, renderPage } from './layout.js';

/** Every document, `sorted` in list order (`sortSummaries`). */
export function renderIndexPage(sorted: readonly DocumentSummary[], settings: SiteSettings, items: ListItems): string {
  const path = 'index.html';
  const [before, after] = pageFrame({ path, title: 'Documents' }, settings);
  const out = new TextPieces();
  out.push(
    before,
    html`<h1>${settings.collectionName}</h1>
<p>${sorted.length} ${sorted.length === 1 ? 'document' : 'documents'}, oldest first. Each page shows the translation with every editorial mark of the translator, where the original is kept, and how to cite it.</p>
<p>Browse: ${FACETS.map((f, i) => html`${i > 0 ? ', ' : ''}<a href="${relativeUrl(path, `browse/${f.slug}.html`)}">${f.label.toLowerCase()}</a>`)}; or <a href="search.html">search the text</a>.</p>
<ul class="document-list">`.value,
  );
  items.add(out, sorted, path);
  out.push('</ul>', after);
  return out.text();
}

/** The search page: Pagefind's interface, loaded from the index the build writes beside the pages. */
export function renderSearchPage(settings: SiteSettings): string {
  const path = 'search.html';
  const head = html`<link rel="stylesheet" href="pagefind/pagefind-ui.css">
<script src="pagefind/pagefind-ui.js" defer></script>
<script src="assets/search.js" defer></script>`;
  const main = html`<h1>Search</h1>
<div id="search" class="search"></div>
<noscript><p>Searching needs JavaScript. Without it, use the <a href="index.html">list of documents</a> or <a href="browse/index.html">browse</a> by year, archive, type, person, organisation or place.</p></noscript>`;
  return renderPage({ path, title: 'Search', main, head }, settings);
}

/** Every page of the site, by absolute URL; the documents `sorted` in list order (`sortSummaries`), then the browse pages. */
export function renderSitemap(sorted: readonly DocumentSummary[], browsePages: readonly string[], settings: SiteSettings): string {
  const out = new TextPieces();
  out.push(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
`);
  // The site's URL once, then each page's path (escaping a URL is escaping its parts).
  const site = escapeHtml(siteUrl(settings));
  const url = (p: string): string => `  <url><loc>${site}${escapeHtml(encodePath(p))}</loc></url>`;
  out.push(url('index.html'));
  for (const p of ['search.html', ...browsePages]) out.push(`\n${url(p)}`);
  for (const s of sorted) out.push(`\n${url(documentPagePath(s.id))}`);
  out.push('\n</urlset>\n');
  return out.text();
}
