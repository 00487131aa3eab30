import type { DcValue } from '../dc-values.js';
import type { PayloadFile } from '../payload.js';
import { xmlAttr, xmlText } from '../xml-escape.js';

/** A DSpace SAF metadata file: `<dublin_core schema="…">` with one `dcvalue` per value, unqualified. */
export function safMetadataXml(schema: 'dc' | 'dcterms', values: readonly DcValue[]): string {
  const lines = values.map((v) => {
    const lang = v.lang !== undefined ? ` language="${xmlAttr(v.lang)}"` : '';
    return `  <dcvalue element="${xmlAttr(v.element)}" qualifier="none"${lang}>${xmlText(v.value)}</dcvalue>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<dublin_core schema="${schema}">\n${lines.join('')}</dublin_core>\n`;
}

/** Bitstream names in the item folder: the payload path flattened ('tei/x.xml' → 'tei_x.xml'). */
export function safBitstreamName(file: PayloadFile): string {
  return file.path.replace(/\//g, '_');
}

/** The bundle a bitstream goes to: the master and its source are the item's content, the rest describe it. */
export function safBundle(file: PayloadFile): string {
  return file.role === 'tei' || file.role === 'source' ? 'ORIGINAL' : 'METADATA';
}

/** `contents`: one line per bitstream, its name then tab-separated bundle and description. */
export function safContents(files: readonly PayloadFile[]): string {
  return files.map((f) => `${safBitstreamName(f)}\tbundle:${safBundle(f)}\tdescription:${f.description.replace(/[\t\r\n]+/g, ' ')}\n`).join('');
}
