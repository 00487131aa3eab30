import { ID } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import type { EncodeContext } from './encode-context.js';
import { EDITORIAL_POLICY } from './editorial-policy.js';

export function encodingDesc(ctx: EncodeContext): XElement {
  const doctypes = [...ctx.doctypeIds].map(([label, id]) => el('category', [['xml:id', id]], [el('catDesc', [], [label])]));
  const reasons = [...ctx.inferenceIds].map(([reason, id]) =>
    el('category', [['xml:id', id]], [el('catDesc', [], [reason])]),
  );
  return el('encodingDesc', [], [
    el('editorialDecl', [], EDITORIAL_POLICY.map((p) => el('p', [], [p]))),
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
