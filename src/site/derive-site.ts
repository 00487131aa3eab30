import type { Cable } from '../model/cable.js';
import { cslItem, type CslItem } from './citation/csl-item.js';
import { renderCitations, type KeptCitation } from './citation/citation-cache.js';
import { cslExport, joinExports, registerChicagoStyle } from './citation/format-citation.js';
import { sortSummaries, summarize, type DocumentSummary } from './document-summary.js';
import { browseParts, facetGroups, ListItems, topListItem } from './render/browse-pages.js';
import { PartKeys, type EditionPart } from './edition-parts.js';
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
  /** Its CSL-JSON download (the item in an array of one): the edition's is joined from these. */
  cslJson: string;
  /** Its BibTeX and RIS, kept so the edition's downloads are joined, not made again. */
  bibtex: string;
  ris: string;
  /** Its Chicago forms with their key: a later derivation with this entry as `previous` reuses them (and the BibTeX and RIS). */
  citation: KeptCitation;
  /** Its item in the lists of documents (index, browse pages), as the index shows it: the lists are joined from these. */
  listItem: string;
}

/** What the edition-wide files are made from, and what a build keeps between runs: plain JSON. */
export type EditionEntry = Pick<DocumentOutput, 'summary' | 'cslJson' | 'bibtex' | 'ris' | 'citation'> & Partial<Pick<DocumentOutput, 'listItem'>>;

/**
 * A document's page and citation downloads; depends on this cable and the settings only.
 * `previous` is the document's entry from an earlier derivation, when the build kept one (any
 * value is accepted and checked): citations rendered from the same CSL item, style, locale and
 * library versions are taken from it instead of calling citeproc-js and Citation.js again. The
 * bytes are the same either way.
 */
export function deriveDocument(cable: Cable, settings: SiteSettings, previous?: unknown): DocumentOutput {
  const summary = summarize(cable);
  const csl = cslItem(cable, settings);
  const { citation, bibtex, ris } = renderCitations(csl, previous);
  const cslJson = cslExport([csl]);
  return {
    summary,
    csl,
    cslJson,
    bibtex,
    ris,
    citation,
    listItem: topListItem(summary),
    files: [
      { path: documentPagePath(cable.id), content: renderDocumentPage(cable, summary, citation, settings) },
      { path: documentExportPath(cable.id, 'csl'), content: cslJson },
      { path: documentExportPath(cable.id, 'bibtex'), content: bibtex },
      { path: documentExportPath(cable.id, 'ris'), content: ris },
    ],
  };
}

/** The entry the edition-wide files are made from, and the build keeps (a document's output without its files). */
export function editionEntry(output: DocumentOutput): EditionEntry {
  const { summary, cslJson, bibtex, ris, citation, listItem } = output;
  return { summary, cslJson, bibtex, ris, citation, listItem };
}

/** The edition-wide files: index, browse pages, search page, sitemap, whole-edition exports, assets. */
export function deriveEdition(documents: readonly EditionEntry[], settings: SiteSettings, assets: SiteAssets): SiteFile[] {
  return editionParts(documents, settings, assets).map((part) => ({ path: part.path, content: part.render() }));
}

/**
 * The edition-wide files, each with the key of what it is made from, rendered only when asked;
 * `digests[i]` is `summaryDigest(documents[i])` when the caller keeps them (the build does).
 */
export function editionParts(documents: readonly EditionEntry[], settings: SiteSettings, assets: SiteAssets, digests?: readonly string[]): EditionPart[] {
  const keys = new PartKeys(documents, digests);
  const entries = byId(documents);
  // Sorted and grouped once for every list; list items rendered once for every list they appear in.
  const sorted = sortSummaries(entries.map((d) => d.summary));
  const groups = facetGroups(sorted);
  const items = new ListItems(keptListItems(entries));
  const browse = browseParts(sorted, groups, settings, items, keys);
  // The three downloads are joined together, once, when the first of them is rendered.
  let exports: ReturnType<typeof joinExports> | undefined;
  const joined = (): ReturnType<typeof joinExports> => (exports ??= joinExports(entries));
  const exportsKey = keys.list('edition exports', entries.map((e) => e.summary));
  const ids = sorted.map((s) => s.id);
  return [
    { path: 'index.html', key: keys.list('index', sorted), render: () => renderIndexPage(sorted, settings, items) },
    { path: 'search.html', key: PartKeys.of('search'), render: () => renderSearchPage(settings) },
    ...browse,
    { path: 'sitemap.xml', key: PartKeys.of(['sitemap', browse.map((p) => p.path), ids]), render: () => renderSitemap(sorted, browse.map((p) => p.path), settings) },
    { path: editionExportPath('csl'), key: exportsKey, render: () => joined().csl },
    { path: editionExportPath('bibtex'), key: exportsKey, render: () => joined().bibtex },
    { path: editionExportPath('ris'), key: exportsKey, render: () => joined().ris },
    ...assets.files.map((f) => ({ path: f.path, key: PartKeys.of(f.content), render: () => f.content })),
  ];
}

/** The list items the entries carry (an entry kept by an earlier version may have none: its item is rendered). */
function keptListItems(documents: readonly EditionEntry[]): Map<DocumentSummary, string> {
  const kept = new Map<DocumentSummary, string>();
  for (const d of documents) if (typeof d.listItem === 'string') kept.set(d.summary, d.listItem);
  return kept;
}

/** The entries by id (the build hands them over in that order already: then they are not sorted again). */
function byId(documents: readonly EditionEntry[]): readonly EditionEntry[] {
  const ordered = documents.every((d, i) => i === 0 || documents[i - 1]!.summary.id < d.summary.id);
  return ordered ? documents : [...documents].sort((a, b) => (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0));
}

/** Every file of the site for a corpus; pure once the assets are read. */
export function deriveSite(cables: readonly Cable[], settings: SiteSettings, assets: SiteAssets): SiteFile[] {
  registerChicagoStyle(assets.chicagoCsl);
  const documents = [...cables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => deriveDocument(c, settings));
  return [...documents.flatMap((d) => d.files), ...deriveEdition(documents, settings, assets)];
}
