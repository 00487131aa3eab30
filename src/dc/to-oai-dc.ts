import type { CablekitConfig } from '../config/config.js';
import type { Cable } from '../model/index.js';
import { cableToDcFields, originalLanguageRelation } from './crosswalk.js';
import type { DcFields } from './dc-fields.js';
import { escapeXmlAttr, escapeXmlText } from './xml-text.js';

export const OAI_DC_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';

function element(name: string, value: string, lang?: string): string {
  const attr = lang !== undefined ? ` xml:lang="${escapeXmlAttr(lang)}"` : '';
  return `  <dc:${name}${attr}>${escapeXmlText(value)}</dc:${name}>\n`;
}

/** Simple DC (15 elements, flat) in the OAI-PMH oai_dc container. */
export function oaiDcFromFields(f: DcFields): string {
  const lang = f.textLanguage;
  let body = '';
  if (f.title !== undefined) body += element('title', f.title, lang);
  for (const c of f.creators) body += element('creator', c);
  for (const c of f.contributors) body += element('contributor', c);
  if (f.abstract !== undefined) body += element('description', f.abstract, lang);
  if (f.publisher !== undefined) body += element('publisher', f.publisher);
  if (f.created) body += element('date', f.created.value);
  body += element('type', f.dcmiType);
  if (f.documentType !== undefined) body += element('type', f.documentType, lang);
  body += element('format', f.format);
  for (const id of f.identifiers) body += element('identifier', id);
  // The citation is not an identifier: it goes to qualified DC only (dcterms:bibliographicCitation).
  for (const s of f.sources) body += element('source', s);
  body += element('language', f.textLanguage);
  if (f.originalLanguage) body += element('relation', originalLanguageRelation(f.originalLanguage));
  body += element('relation', f.manifestUrl);
  for (const s of f.subjects) body += element('subject', s.name);
  for (const p of f.spatial) body += element('coverage', p.name);
  for (const t of f.temporal) body += element('coverage', t.value);
  if (f.rightsUri !== undefined) body += element('rights', f.rightsUri);
  for (const r of f.rightsTexts) body += element('rights', r, lang);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<oai_dc:dc xmlns:oai_dc="${OAI_DC_NAMESPACE}" xmlns:dc="${DC_NAMESPACE}"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="${OAI_DC_NAMESPACE} ${OAI_DC_SCHEMA}">\n` +
    body +
    '</oai_dc:dc>\n'
  );
}

/** The cable's oai_dc record (a standalone XML document). */
export function toOaiDc(cable: Cable, config: Pick<CablekitConfig, 'baseUrl' | 'publisher' | 'rightsUri'>): string {
  return oaiDcFromFields(cableToDcFields(cable, config));
}
