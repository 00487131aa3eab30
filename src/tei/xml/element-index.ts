import { walkElements, type XElement } from './xml-tree.js';

/** Every element once, in document order, and by name: rule checks look things up instead of re-walking. */
export interface ElementIndex {
  all: XElement[];
  named(name: string): XElement[];
  /** Position in document order (start tags), -1 for an element not in the tree. */
  order(e: XElement): number;
}

/** The index of elements already listed in document order (as the scanner lists them): no walk. */
export function indexElementList(all: XElement[]): ElementIndex {
  const byName = new Map<string, XElement[]>();
  for (const e of all) {
    const list = byName.get(e.name);
    if (list) list.push(e);
    else byName.set(e.name, [e]);
  }
  // Only the date rule asks for positions: build them on first use.
  let position: Map<XElement, number> | undefined;
  const order = (e: XElement): number => {
    if (position === undefined) {
      position = new Map();
      for (let i = 0; i < all.length; i++) position.set(all[i]!, i);
    }
    return position.get(e) ?? -1;
  };
  return { all, named: (name) => byName.get(name) ?? [], order };
}

export function indexElements(root: XElement): ElementIndex {
  const all: XElement[] = [];
  walkElements(root, (e) => all.push(e));
  return indexElementList(all);
}
