import type { DcValue } from '../dc-values.js';
import type { PayloadFile } from '../payload.js';
import { xmlAttr, xmlText } from '../xml-escape.js';

/** A value as DSpace stores it: a field of a registry schema, with a qualifier where the field needs one. */
export interface SafValue extends DcValue {
  qualifier?: string;
}

/** A DSpace SAF metadata file: `<dublin_core schema="…">` with one `dcvalue` per value. */
export function safMetadataXml(schema: 'dc' | 'dcterms', values: readonly SafValue[]): string {
  const lines = values.map((v) => {
    const lang = v.lang !== undefined ? ` language="${xmlAttr(v.lang)}"` : '';
    return `  <dcvalue element="${xmlAttr(v.element)}" qualifier="${xmlAttr(v.qualifier ?? 'none')}"${lang}>${xmlText(v.value)}</dcvalue>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<dublin_core schema="${schema}">\n${lines.join('')}</dublin_core>\n`;
}

/** Bitstream names in the item folder: the payload path flattened ('tei/x.xml' → 'tei_x.xml'). */
export function safBitstreamName(file: PayloadFile): string {
  return file.path.replace(/\//g, '_');
}

/** The bundle a bitstream goes to: the master, its reading page and its source are the item's content, the rest describe it. */
export function safBundle(file: PayloadFile): string {
  return file.role === 'tei' || file.role === 'site' || file.role === 'source' ? 'ORIGINAL' : 'METADATA';
}

/** `contents`: one line per bitstream, its name then tab-separated bundle and description. */
export function safContents(files: readonly PayloadFile[]): string {
  return files.map((f) => `${safBitstreamName(f)}\tbundle:${safBundle(f)}\tdescription:${f.description.replace(/[\t\r\n]+/g, ' ')}\n`).join('');
}

/**
 * The oai_dc values as fields of DSpace's default `dc` registry. That registry has no unqualified
 * dc.coverage (only coverage.spatial and coverage.temporal), and the importer stops on a field it
 * does not have; the qualified DC record says which each coverage value is (dcterms:temporal for
 * the dates, dcterms:spatial for the places, the only two things the DC stage writes as coverage).
 */
export function dspaceDcValues(oaiDc: readonly DcValue[], qualifiedDc: readonly DcValue[]): SafValue[] {
  const temporal = new Set(qualifiedDc.filter((v) => v.element === 'temporal').map((v) => v.value));
  return oaiDc.map((v) => (v.element === 'coverage' ? { ...v, qualifier: temporal.has(v.value) ? 'temporal' : 'spatial' } : v));
}
