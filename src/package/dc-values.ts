import { XMLParser } from 'fast-xml-parser';

/** One element of a flat Dublin Core record: `dc:title`, `dcterms:abstract`… */
export interface DcValue {
  /** Local name: 'title', 'abstract'. */
  element: string;
  value: string;
  lang?: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false, processEntities: true, parseTagValue: false });

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * The values of a flat DC record the DC stage wrote (oai_dc or cablekit's qualified DC), in
 * document order. Packages restate them in the repository's own form (SAF, metadata.csv), so
 * every format says what the DC records say.
 */
export function readDcValues(xml: Uint8Array): DcValue[] {
  const tree = parser.parse(Buffer.from(xml).toString('utf8')) as Node[];
  const root = tree.find((n) => !Object.keys(n).some((k) => k.startsWith('?')) && Object.keys(n).some((k) => k !== ':@'));
  const rootName = root ? Object.keys(root).find((k) => k !== ':@') : undefined;
  const children = (root && rootName ? root[rootName] : []) as Node[];
  const values: DcValue[] = [];
  for (const child of children) {
    const name = Object.keys(child).find((k) => k !== ':@');
    if (!name || name === '#text') continue;
    const parts = child[name] as Node[];
    const value = parts.map((p) => (typeof p['#text'] === 'string' ? p['#text'] : '')).join('');
    const lang = child[':@']?.['@_xml:lang'];
    values.push({ element: name.includes(':') ? (name.split(':')[1] as string) : name, value, ...(lang !== undefined ? { lang } : {}) });
  }
  return values;
}
