import type { Cable } from '../../model/cable.js';
import { jsonLd, jsonLdScript, highwireTags } from '../citation/metadata-tags.js';
import type { FormattedCitation } from '../citation/format-citation.js';
import { entitiesOf, textLanguage, titleOf } from '../document-facts.js';
import type { DocumentSummary } from '../document-summary.js';
import { html, raw, type Html } from '../html.js';
import type { SiteSettings } from '../site-settings.js';
import { documentExportPath, documentPagePath, outputRelativeUrl, relativeUrl, teiFileUrl } from '../site-urls.js';
import { renderDatesSection } from './dates-section.js';
import { renderViewToggle } from './editorial-legend.js';
import { renderPage } from './layout.js';
import { renderProvenanceSection } from './provenance-section.js';
import { renderBody } from './render-blocks.js';
import { browseValuePath } from './browse-paths.js';

function citationSection(cable: Cable, citation: FormattedCitation, path: string): Html {
  const link = (format: 'csl' | 'bibtex' | 'ris', label: string, type: string): Html =>
    html`<li><a href="${relativeUrl(path, documentExportPath(cable.id, format))}" download type="${type}">${label}</a></li>`;
  return html`<section class="citation" aria-labelledby="citation-heading"><h2 id="citation-heading">Cite this document</h2>
<p class="citation-style">Chicago (notes and bibliography)</p>
<h3>Note</h3><div class="csl-note">${raw(citation.noteHtml)}</div>
<h3>Bibliography</h3>${raw(citation.bibliographyHtml)}
<ul class="downloads">${[link('csl', 'CSL-JSON', 'application/vnd.citationstyles.csl+json'), link('bibtex', 'BibTeX', 'application/x-bibtex'), link('ris', 'RIS', 'application/x-research-info-systems')]}</ul>
</section>`;
}

function formatsSection(cable: Cable, settings: SiteSettings, path: string): Html {
  const out = (p: string): string => outputRelativeUrl(settings, path, p);
  return html`<section class="formats" aria-labelledby="formats-heading"><h2 id="formats-heading">This document in other formats</h2><ul>
<li><a href="${teiFileUrl(settings, cable.id)}" type="application/tei+xml">TEI P5 (the edition's master file)</a></li>
<li><a href="${out(`iiif/${cable.id}/manifest.json`)}" type="application/ld+json">IIIF Presentation 3 manifest</a></li>
<li><a href="${out(`dc/${cable.id}.oai_dc.xml`)}" type="application/xml">Dublin Core (oai_dc)</a></li>
<li><a href="${out(`dc/${cable.id}.qdc.xml`)}" type="application/xml">Qualified Dublin Core (DCTERMS)</a></li>
</ul></section>`;
}

function entitiesSection(cable: Cable, summary: DocumentSummary, path: string): Html {
  const groups: [string, string, string[]][] = [
    ['People', 'people', summary.people],
    ['Organisations', 'organisations', summary.organisations],
    ['Places', 'places', summary.places],
  ];
  const shown = groups.filter(([, , names]) => names.length > 0);
  if (shown.length === 0) return html``;
  void entitiesOf;
  return html`<section class="entities" aria-labelledby="entities-heading"><h2 id="entities-heading">Named in this document</h2>${shown.map(
    ([label, page, names]) =>
      html`<h3>${label}</h3><ul class="inline-list">${names.map((n) => html`<li><a href="${relativeUrl(path, browseValuePath(page, n))}">${n}</a></li>`)}</ul>`,
  )}</section>`;
}

/** Pagefind reads these: the filters of the search page and the result's title. */
function searchFilters(summary: DocumentSummary): Html {
  const f = (name: string, value: string | undefined): Html => (value === undefined ? html`` : html`<span data-pagefind-filter="${name}">${value}</span>`);
  return html`<div class="search-filters" hidden>${f('year', summary.year)}${f('archive', summary.archive)}${f('type', summary.documentType)}</div>`;
}

/** A document's page: everything on it comes from this one decoded cable (and the edition's settings). */
export function renderDocumentPage(cable: Cable, summary: DocumentSummary, citation: FormattedCitation, settings: SiteSettings): string {
  const path = documentPagePath(cable.id);
  const lang = textLanguage(cable);
  const head = html`${highwireTags(cable, settings)}${jsonLdScript(jsonLd(cable, settings))}
<link rel="alternate" type="application/tei+xml" href="${teiFileUrl(settings, cable.id)}">`;
  const main = html`<article class="document">
<header class="document-header">
${cable.documentType ? html`<p class="document-type">${cable.documentType}</p>` : ''}
<h1 lang="${lang}" data-pagefind-meta="title">${titleOf(cable)}</h1>
${cable.catalogueDate ? html`<p class="catalogue-date">${cable.catalogueDate.verbatim}</p>` : ''}
${cable.summary ? html`<p class="summary" lang="${lang}">${cable.summary}</p>` : ''}
${searchFilters(summary)}
</header>
${renderDatesSection(cable)}
<section class="text-section" aria-labelledby="text-heading"><h2 id="text-heading">Text</h2>
${renderViewToggle()}
<div class="text" lang="${lang}">${renderBody(cable.body)}</div>
</section>
${entitiesSection(cable, summary, path)}
${renderProvenanceSection(cable, settings)}
${citationSection(cable, citation, path)}
${formatsSection(cable, settings, path)}
</article>`;
  return renderPage({ path, title: titleOf(cable), main, head, indexed: true }, settings);
}
