/**
 * A minimal element tree shared by the encoder (which builds it), the serializer (which hands it
 * to xmlbuilder2) and the decoder and rule checks (which read it back from a parser).
 * Attributes are an ordered list so that attribute order in the output is stable by construction.
 */
export interface XElement {
  name: string;
  attrs: [string, string][];
  children: XChild[];
  /** 1-based source line, when the tree was read from a parser that reports it. */
  line?: number;
}

export type XChild = XElement | string;

/** Attribute values: undefined drops the attribute, so callers can list optional ones inline. */
export type AttrInput = [string, string | undefined][];

export function el(name: string, attrs: AttrInput = [], children: (XChild | undefined | false)[] = []): XElement {
  const kept: [string, string][] = [];
  for (const [k, v] of attrs) if (v !== undefined) kept.push([k, v]);
  const kids: XChild[] = [];
  for (const c of children) if (c !== undefined && c !== false && c !== '') kids.push(c);
  return { name, attrs: kept, children: kids };
}

export function isElement(c: XChild | undefined): c is XElement {
  return typeof c === 'object' && c !== null;
}

export function attr(e: XElement, name: string): string | undefined {
  for (const [k, v] of e.attrs) if (k === name) return v;
  return undefined;
}

export function childElements(e: XElement, name?: string): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) if (isElement(c) && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(e: XElement, name: string, pred?: (x: XElement) => boolean): XElement | undefined {
  for (const c of e.children) if (isElement(c) && c.name === name && (!pred || pred(c))) return c;
  return undefined;
}

/** All text of an element and its descendants, in document order. */
export function textContent(e: XChild): string {
  if (typeof e === 'string') return e;
  let out = '';
  for (const c of e.children) out += textContent(c);
  return out;
}

/** Depth-first walk over every element (iterative: hand-edited trees may be deep). */
export function walkElements(root: XElement, visit: (e: XElement, parent: XElement | undefined) => void): void {
  const stack: [XElement, XElement | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [e, parent] = stack.pop()!;
    visit(e, parent);
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i];
      if (isElement(c)) stack.push([c, e]);
    }
  }
}
