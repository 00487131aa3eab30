import type { CablekitConfig } from '../config/config.js';
import type { Cable } from '../model/index.js';
import { cableToDcFields, isLanguageTag, isUri, originalLanguageRelation } from './crosswalk.js';
import type { DcFields } from './dc-fields.js';
import { escapeXmlAttr, escapeXmlText } from './xml-text.js';

/**
 * The container namespace of DSpace's OAI-PMH `qdc` format: harvesters that map DSpace's qualified
 * DC (DPLA hubs, BASE, CORE) read DCMI terms under this root. The project's schema for it is
 * schemas/dc/qualified-dc.xsd (DSpace publishes none); docs/crosswalk.md has the crosswalk.
 */
export const QDC_NAMESPACE = 'http://dspace.org/qualifieddc/';
export const DCTERMS_NAMESPACE = 'http://purl.org/dc/terms/';

type Scheme = 'W3CDTF' | 'DCMIType' | 'URI' | 'RFC4646' | 'IMT' | 'Point';

function term(name: string, value: string, opts: { scheme?: Scheme; lang?: string } = {}): string {
  const attrs =
    (opts.scheme !== undefined ? ` xsi:type="dcterms:${opts.scheme}"` : '') +
    (opts.lang !== undefined ? ` xml:lang="${escapeXmlAttr(opts.lang)}"` : '');
  return `  <dcterms:${name}${attrs}>${escapeXmlText(value)}</dcterms:${name}>\n`;
}

/** Qualified DC: DCMI terms with refinements and encoding schemes named by xsi:type. */
export function qualifiedDcFromFields(f: DcFields): string {
  const lang = f.textLanguage;
  let body = '';
  if (f.title !== undefined) body += term('title', f.title, { lang });
  for (const c of f.creators) body += term('creator', c);
  for (const c of f.contributors) body += term('contributor', c);
  if (f.abstract !== undefined) body += term('abstract', f.abstract, { lang });
  if (f.publisher !== undefined) body += term('publisher', f.publisher);
  if (f.created) body += term('created', f.created.value, f.created.w3cdtf ? { scheme: 'W3CDTF' } : {});
  body += term('type', f.dcmiType, { scheme: 'DCMIType' });
  if (f.documentType !== undefined) body += term('type', f.documentType, { lang });
  body += term('format', f.format, { scheme: 'IMT' });
  for (const id of f.identifiers) body += term('identifier', id, { scheme: 'URI' });
  if (f.citation !== undefined) body += term('bibliographicCitation', f.citation, { lang });
  for (const s of f.sources) body += term('source', s);
  body += term('language', f.textLanguage, isLanguageTag(f.textLanguage) ? { scheme: 'RFC4646' } : {});
  if (f.originalLanguage) body += term('relation', originalLanguageRelation(f.originalLanguage));
  body += term('hasFormat', f.manifestUrl, { scheme: 'URI' });
  for (const s of f.subjects) {
    body += term('subject', s.name);
    for (const uri of s.uris) body += term('subject', uri, { scheme: 'URI' });
  }
  for (const p of f.spatial) {
    body += term('spatial', p.name);
    for (const uri of p.uris) body += term('spatial', uri, { scheme: 'URI' });
    if (p.point !== undefined) body += term('spatial', p.point, { scheme: 'Point' });
  }
  for (const t of f.temporal) body += term('temporal', t.value, t.w3cdtf ? { scheme: 'W3CDTF' } : {});
  // A rights setting that is not a URI is still the collection's rights statement: kept, without the scheme.
  if (f.rightsUri !== undefined) body += term('rights', f.rightsUri, isUri(f.rightsUri) ? { scheme: 'URI' } : {});
  for (const r of f.rightsTexts) body += term('rights', r, { lang });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<qdc:qualifieddc xmlns:qdc="${QDC_NAMESPACE}" xmlns:dcterms="${DCTERMS_NAMESPACE}"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    body +
    '</qdc:qualifieddc>\n'
  );
}

/** The cable's qualified DC record (a standalone XML document). */
export function toQualifiedDc(cable: Cable, config: Pick<CablekitConfig, 'baseUrl' | 'publisher' | 'rightsUri'>): string {
  return qualifiedDcFromFields(cableToDcFields(cable, config));
}
