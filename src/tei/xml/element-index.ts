import { walkElements, type XElement } from './xml-tree.js';

/** Every element once, in document order, and by name: rule checks look things up instead of re-walking. */
export interface ElementIndex {
  all: XElement[];
  named(name: string): XElement[];
  /** Position in document order (start tags), -1 for an element not in the tree. */
  order(e: XElement): number;
}

export function indexElements(root: XElement): ElementIndex {
  const all: XElement[] = [];
  const byName = new Map<string, XElement[]>();
  const position = new Map<XElement, number>();
  walkElements(root, (e) => {
    position.set(e, all.length);
    all.push(e);
    const list = byName.get(e.name);
    if (list) list.push(e);
    else byName.set(e.name, [e]);
  });
  return { all, named: (name) => byName.get(name) ?? [], order: (e) => position.get(e) ?? -1 };
}
