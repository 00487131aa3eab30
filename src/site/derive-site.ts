import type { Cable } from '../model/cable.js';
import { cslItem, type CslItem } from './citation/csl-item.js';
import { exportCitations, formatChicago, registerChicagoStyle } from './citation/format-citation.js';
import { summarize, type DocumentSummary } from './document-summary.js';
import { renderBrowsePages } from './render/browse-pages.js';
import { renderDocumentPage } from './render/document-page.js';
import { renderIndexPage, renderSearchPage, renderSitemap } from './render/edition-pages.js';
import type { SiteAssets } from './site-assets.js';
import type { SiteSettings } from './site-settings.js';
import { documentExportPath, documentPagePath, editionExportPath } from './site-urls.js';

/** A file of the site, its path relative to the site folder. */
export interface SiteFile {
  path: string;
  content: string;
}

/** What one document gives the site: its own files, and what the edition-wide pages need of it. */
export interface DocumentOutput {
  files: SiteFile[];
  summary: DocumentSummary;
  csl: CslItem;
}

/** A document's page and citation downloads; depends on this cable and the settings only. */
export function deriveDocument(cable: Cable, settings: SiteSettings): DocumentOutput {
  const summary = summarize(cable);
  const csl = cslItem(cable, settings);
  const exports = exportCitations([csl]);
  return {
    summary,
    csl,
    files: [
      { path: documentPagePath(cable.id), content: renderDocumentPage(cable, summary, formatChicago(csl), settings) },
      { path: documentExportPath(cable.id, 'csl'), content: exports.csl },
      { path: documentExportPath(cable.id, 'bibtex'), content: exports.bibtex },
      { path: documentExportPath(cable.id, 'ris'), content: exports.ris },
    ],
  };
}

/** The edition-wide files: index, browse pages, search page, sitemap, whole-edition exports, assets. */
export function deriveEdition(documents: readonly Pick<DocumentOutput, 'summary' | 'csl'>[], settings: SiteSettings, assets: SiteAssets): SiteFile[] {
  const summaries = documents.map((d) => d.summary);
  const items = [...documents].sort((a, b) => (a.csl.id < b.csl.id ? -1 : a.csl.id > b.csl.id ? 1 : 0)).map((d) => d.csl);
  const exports = exportCitations(items);
  return [
    { path: 'index.html', content: renderIndexPage(summaries, settings) },
    { path: 'search.html', content: renderSearchPage(settings) },
    ...renderBrowsePages(summaries, settings),
    { path: 'sitemap.xml', content: renderSitemap(summaries, settings) },
    { path: editionExportPath('csl'), content: exports.csl },
    { path: editionExportPath('bibtex'), content: exports.bibtex },
    { path: editionExportPath('ris'), content: exports.ris },
    ...assets.files,
  ];
}

/** Every file of the site for a corpus; pure once the assets are read. */
export function deriveSite(cables: readonly Cable[], settings: SiteSettings, assets: SiteAssets): SiteFile[] {
  registerChicagoStyle(assets.chicagoCsl);
  const documents = [...cables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => deriveDocument(c, settings));
  return [...documents.flatMap((d) => d.files), ...deriveEdition(documents, settings, assets)];
}
