import { DEFAULT_SITE_DIR, type SiteSettings } from './site-settings.js';

/**
 * Where each page lives. Paths are relative to the site folder; pages link to each other with
 * relative URLs so the site works from any host and folder, and absolute URLs (canonical links,
 * citations, link-backs from IIIF and DC) are `baseUrl/siteDir/path`.
 */
export const documentPagePath = (id: string): string => `documents/${id}.html`;
export const documentExportPath = (id: string, format: ExportFormat): string => `documents/${id}.${EXPORT_EXTENSIONS[format]}`;
export const editionExportPath = (format: ExportFormat): string => `edition.${EXPORT_EXTENSIONS[format]}`;

export type ExportFormat = 'csl' | 'bibtex' | 'ris';
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csl: 'csl.json', bibtex: 'bib', ris: 'ris' };

export function siteUrl(settings: Pick<SiteSettings, 'baseUrl' | 'siteDir'>, path = ''): string {
  return `${settings.baseUrl}/${settings.siteDir.split('/').map(encodeURIComponent).join('/')}/${path
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;
}

/** The published URL of a document's page: what IIIF `homepage` and the DC link-back point to. */
export function documentPageUrl(settings: Pick<SiteSettings, 'baseUrl' | 'siteDir'>, id: string): string {
  return siteUrl(settings, documentPagePath(id));
}

/** From a page at `from` (site-relative) to `to` (site-relative). */
export function relativeUrl(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to.split('/').map(encodeURIComponent).join('/');
}

/** From a page of the site to a file elsewhere in the output folder ('iiif/<id>/manifest.json'). */
export function outputRelativeUrl(settings: Pick<SiteSettings, 'siteDir'>, fromPage: string, outputPath: string): string {
  const depth = settings.siteDir.split('/').length + fromPage.split('/').length - 1;
  return '../'.repeat(depth) + outputPath.split('/').map(encodeURIComponent).join('/');
}

/** The TEI file's published URL (the server serves tei/ beside the output folder). */
export function teiFileUrl(settings: Pick<SiteSettings, 'baseUrl'>, id: string): string {
  return `${settings.baseUrl}/tei/${encodeURIComponent(id)}.xml`;
}

/** The document page's URL from the edition's settings as the other formats have them (IIIF, DC link-backs). */
export { documentPageUrl as documentPageUrlFromConfig } from '../edition/layout.js';
