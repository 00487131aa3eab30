import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { ElementIndex } from '../../xml/element-index.js';
import type { XElement } from '../../xml/xml-tree.js';

/** Attributes that hold "#id" pointers in this profile (other tokens, such as URIs, are not local). */
const POINTER_ATTRIBUTES = new Set(['ref', 'who', 'corresp', 'resp', 'ana', 'target', 'hand', 'scheme', 'sameAs']);

function at(e: XElement): { line?: number } {
  return e.line !== undefined ? { line: e.line } : {};
}

/** xml:ids are unique; every local pointer names one of them. */
export function checkIdsAndPointers(index: ElementIndex, bag: DiagnosticBag): void {
  const ids = new Map<string, XElement>();
  for (const e of index.all) {
    for (const [k, v] of e.attrs) {
      if (k !== 'xml:id') continue;
      const first = ids.get(v);
      if (first) {
        bag.error('tei/duplicate-id', `xml:id "${v}" is used more than once (first on <${first.name}> line ${first.line ?? '?'}).`, {
          ...at(e),
          hint: 'Give each element its own id; pointers must name exactly one element.',
        });
      } else ids.set(v, e);
    }
  }
  for (const e of index.all) {
    for (const [k, v] of e.attrs) {
      if (!POINTER_ATTRIBUTES.has(k)) continue;
      for (const token of v.split(/\s+/)) {
        if (!token.startsWith('#')) continue;
        if (!ids.has(token.slice(1))) {
          bag.error('tei/dangling-pointer', `<${e.name} ${k}="${v}">: "${token}" names no element of this document.`, {
            ...at(e),
            hint: 'Add the person, organisation, place, note or category to the document, or correct the pointer.',
          });
        }
      }
    }
  }
}
