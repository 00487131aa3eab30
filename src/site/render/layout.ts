import { html, type Html } from '../html.js';
import type { SiteSettings } from '../site-settings.js';
import { relativeUrl, siteUrl } from '../site-urls.js';

export interface PageShell {
  /** Site-relative path of the page ('documents/<id>.html'): relative links are made from it. */
  path: string;
  title: string;
  main: Html;
  /** Extra elements for the head (citation meta tags, JSON-LD). */
  head?: Html;
  /** Pages without their own text for Pagefind (browse lists, search) are left out of the index. */
  indexed?: boolean;
}

/** The frame of every page: one stylesheet (print rules included), one small script that only enhances. */
export function renderPage(page: PageShell, settings: SiteSettings): string {
  const [before, after] = pageFrame(page, settings);
  return before + page.main.value + after;
}

/**
 * The frame of a page as the text before and after its main content: the pages that list every
 * document put their lists between the two as pieces (`TextPieces`), joined once.
 */
export function pageFrame(page: Omit<PageShell, 'main'>, settings: SiteSettings): [string, string] {
  const to = (target: string): string => relativeUrl(page.path, target);
  const nav: [string, string][] = [
    ['index.html', 'Documents'],
    ['browse/years.html', 'Timeline'],
    ['browse/index.html', 'Browse'],
    ['search.html', 'Search'],
  ];
  const before = `<!DOCTYPE html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${settings.collectionName}</title>
<link rel="canonical" href="${siteUrl(settings, page.path)}">
<link rel="stylesheet" href="${to('assets/site.css')}">
${page.head ?? ''}
<script src="${to('assets/site.js')}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
<p class="site-name"><a href="${to('index.html')}">${settings.collectionName}</a></p>
<nav aria-label="Site"><ul>${nav.map(([href, label]) => html`<li><a href="${to(href)}"${href === page.path ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>
</header>
<main id="main"${page.indexed ? html` data-pagefind-body` : ''}>
`}`;
  const after = html`
</main>
<footer class="site-footer">
<p>Published by ${settings.publisher}. Built with cablekit from the TEI of each document. <a href="${to('edition.csl.json')}">Whole edition as CSL-JSON</a>, <a href="${to('edition.bib')}">BibTeX</a>, <a href="${to('edition.ris')}">RIS</a>.</p>
</footer>
</body>
</html>
`.value;
  return [before, after];
}
