import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { attr, childElements, textContent, type XElement } from '../xml/xml-tree.js';

/** What decoding one TEI document needs beyond the element at hand. */
export interface DecodeContext {
  bag: DiagnosticBag;
  /** Category xml:id → its catDesc text (inference reasons, document types). */
  categories: Map<string, string>;
}

/** Categories live in teiHeader/encodingDesc/classDecl/taxonomy (nested taxonomies included). */
export function buildDecodeContext(root: XElement, bag: DiagnosticBag): DecodeContext {
  const categories = new Map<string, string>();
  const collect = (parent: XElement) => {
    for (const e of childElements(parent)) {
      if (e.name === 'taxonomy' || e.name === 'category') collect(e);
      if (e.name !== 'category') continue;
      const id = attr(e, 'xml:id');
      const desc = childElements(e, 'catDesc')[0];
      if (id !== undefined && desc !== undefined) categories.set(id, textContent(desc));
    }
  };
  for (const header of childElements(root, 'teiHeader')) {
    for (const enc of childElements(header, 'encodingDesc')) for (const cls of childElements(enc, 'classDecl')) collect(cls);
  }
  return { bag, categories };
}

/** "#id" → "id"; other pointer forms are kept as written. */
export function localId(pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  return pointer.startsWith('#') ? pointer.slice(1) : pointer;
}

/** The inference reason an @ana points to, when it points to a category. */
export function inferredFrom(ctx: DecodeContext, e: XElement): string | undefined {
  const ana = attr(e, 'ana');
  if (ana === undefined) return undefined;
  for (const token of ana.split(/\s+/)) {
    const reason = ctx.categories.get(localId(token) ?? '');
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** Sets `key` only when the value is defined: decoded objects carry no undefined properties. */
export function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
