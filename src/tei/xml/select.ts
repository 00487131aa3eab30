import { attr, childElements, firstChild, type XElement } from './xml-tree.js';

/** Follows a path of child element names; undefined as soon as one is missing. */
export function path(e: XElement | undefined, ...names: string[]): XElement | undefined {
  let cur = e;
  for (const n of names) cur = cur ? firstChild(cur, n) : undefined;
  return cur;
}

export function byType(e: XElement | undefined, name: string, type: string): XElement[] {
  return e ? childElements(e, name).filter((c) => attr(c, 'type') === type) : [];
}
