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

/** Each segment of a path URL-encoded; a path of unreserved characters only (ids, file names) is its own encoding. */
const UNRESERVED_PATH = /^[A-Za-z0-9._~/-]*$/;
export function encodePath(path: string): string {
  return UNRESERVED_PATH.test(path) ? path : path.split('/').map(encodeURIComponent).join('/');
}

export function siteUrl(settings: Pick<SiteSettings, 'baseUrl' | 'siteDir'>, path = ''): string {
  return `${settings.baseUrl}/${encodePath(settings.siteDir)}/${encodePath(path)}`;
}

/** The published URL of a document's page: what IIIF `homepage` and the DC link-back point to. */
export function documentPageUrl(settings: Pick<SiteSettings, 'baseUrl' | 'siteDir'>, id: string): string {
  return siteUrl(settings, documentPagePath(id));
}

/** From a page at `from` (site-relative) to `to` (site-relative). */
export function relativeUrl(from: string, to: string): string {
  return upFrom(from) + encodePath(to);
}

/** '../' once per folder of a relative path. */
function upFrom(path: string): string {
  let depth = 0;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) depth++;
  return '../'.repeat(depth);
}

/** From a page of the site to a file elsewhere in the output folder ('iiif/<id>/manifest.json'). */
export function outputRelativeUrl(settings: Pick<SiteSettings, 'siteDir'>, fromPage: string, outputPath: string): string {
  return upFrom(`${settings.siteDir}/${fromPage}`) + encodePath(outputPath);
}

/** The TEI file's published URL (the server serves tei/ beside the output folder). */
export function teiFileUrl(settings: Pick<SiteSettings, 'baseUrl'>, id: string): string {
  return `${settings.baseUrl}/tei/${encodeURIComponent(id)}.xml`;
}

/** The document page's URL from the edition's settings as the other formats have them (IIIF, DC link-backs). */
export { documentPageUrl as documentPageUrlFromConfig } from '../edition/layout.js';
