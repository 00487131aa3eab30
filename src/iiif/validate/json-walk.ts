/** A JSON object met while walking a document, with where it is ("/items/0/annotations/0"). */
export interface VisitedObject {
  node: Record<string, unknown>;
  /** Keys and indexes from the root, outermost first. */
  path: (string | number)[];
}

export function pointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? '/' : '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Every object of a JSON document, parents before children, in document order. */
export function objectsOf(root: unknown): VisitedObject[] {
  const out: VisitedObject[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      out.push({ node, path });
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    }
  };
  visit(root, []);
  return out;
}

/** Properties whose object value is a IIIF language map ({ "en": ["…"] }). */
const LANGUAGE_MAP_KEYS = new Set(['label', 'summary', 'value']);

/** The language maps of a document: label, summary, metadata and requiredStatement values. */
export function languageMapsOf(objects: readonly VisitedObject[]): VisitedObject[] {
  const out: VisitedObject[] = [];
  for (const { node, path } of objects) {
    for (const key of LANGUAGE_MAP_KEYS) {
      const value = node[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        out.push({ node: value as Record<string, unknown>, path: [...path, key] });
      }
    }
  }
  return out;
}
