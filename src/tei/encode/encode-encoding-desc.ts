import { ID } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import type { EncodeContext } from './encode-context.js';
import { EDITORIAL_POLICY } from './editorial-policy.js';

/** The same in every file: built once and shared (trees are never changed after encoding). */
const EDITORIAL_DECL: XElement = el('editorialDecl', [], EDITORIAL_POLICY.map((p) => el('p', [], [p])));
const categoryCache = new Map<string, XElement>();

function category(id: string, label: string): XElement {
  const key = `${id}\u0000${label}`;
  let c = categoryCache.get(key);
  if (c === undefined) {
    c = el('category', [['xml:id', id]], [el('catDesc', [], [label])]);
    // Only the controlled list repeats across files; a bounded cache keeps odd labels from piling up.
    if (categoryCache.size < 1000) categoryCache.set(key, c);
  }
  return c;
}

/** editorialDecl with the bracket policy, and the taxonomies @ana and catRef point to. */
export function encodingDesc(ctx: EncodeContext): XElement {
  const doctypes = [...ctx.doctypeIds].map(([label, id]) => category(id, label));
  const reasons = [...ctx.inferenceIds].map(([reason, id]) => el('category', [['xml:id', id]], [el('catDesc', [], [reason])]));
  return el('encodingDesc', [], [
    EDITORIAL_DECL,
    el('classDecl', [], [
      el('taxonomy', [['xml:id', ID.doctypeTaxonomy]], [el('desc', [], ['Document types (controlled list)']), ...doctypes]),
      reasons.length > 0 &&
        el('taxonomy', [['xml:id', ID.inferenceTaxonomy]], [
          el('desc', [], ['Why a value not written in the source was inferred']),
          ...reasons,
        ]),
    ]),
  ]);
}
