import type { PackageDocument, PackageFile } from './package-input.js';
import { safeName } from './safe-name.js';

export type PayloadRole = 'tei' | 'oai_dc' | 'qdc' | 'iiif' | 'site' | 'source';

/** A document's file in every package, with what a repository needs to describe it. */
export interface PayloadFile extends PackageFile {
  role: PayloadRole;
  mimeType: string;
  description: string;
}

/**
 * The files every package of a document carries, in a fixed order and at fixed relative paths:
 * the TEI master, both Dublin Core records, the IIIF manifest, the reading-edition page (when the
 * build wrote one; its links to the site's styles and other pages do not resolve inside a package)
 * and the source page.
 */
export function documentPayload(doc: PackageDocument): PayloadFile[] {
  const name = safeName(doc.cable.id);
  const files: PayloadFile[] = [
    { role: 'tei', path: `tei/${name}.xml`, bytes: doc.tei, mimeType: 'application/tei+xml', description: 'TEI P5 encoding of the translation (the scholarly master)' },
    { role: 'oai_dc', path: `dc/${name}.oai_dc.xml`, bytes: doc.derived.oaiDc, mimeType: 'application/xml', description: 'Dublin Core record (oai_dc)' },
    { role: 'qdc', path: `dc/${name}.qdc.xml`, bytes: doc.derived.qualifiedDc, mimeType: 'application/xml', description: 'Qualified Dublin Core record (DCMI terms)' },
    { role: 'iiif', path: 'iiif/manifest.json', bytes: doc.derived.iiifManifest, mimeType: 'application/ld+json', description: 'IIIF Presentation 3 manifest' },
  ];
  if (doc.derived.sitePage) {
    files.push({ role: 'site', path: `site/${name}.html`, bytes: doc.derived.sitePage, mimeType: 'text/html', description: 'Reading-edition page (HTML) of the document' });
  }
  if (doc.source) {
    files.push({ role: 'source', path: `source/${safeFileName(doc.source.fileName)}`, bytes: doc.source.bytes, mimeType: 'text/plain', description: 'Source page as captured from the digital archive' });
  }
  return files;
}

/** A file name kept readable ('000_8b1b.txt') when it is plain, else made safe like an id. */
export function safeFileName(name: string): string {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}$/.test(name) ? name : safeName(name);
}
