import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { attr, childElements, textContent, walkElements, type XElement } from '../xml/xml-tree.js';

/** What decoding one TEI document needs beyond the element at hand. */
export interface DecodeContext {
  bag: DiagnosticBag;
  /** Category xml:id → its catDesc text (inference reasons, document types). */
  categories: Map<string, string>;
}

export function buildDecodeContext(root: XElement, bag: DiagnosticBag): DecodeContext {
  const categories = new Map<string, string>();
  walkElements(root, (e) => {
    if (e.name !== 'category') return;
    const id = attr(e, 'xml:id');
    const desc = childElements(e, 'catDesc')[0];
    if (id !== undefined && desc !== undefined) categories.set(id, textContent(desc));
  });
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
