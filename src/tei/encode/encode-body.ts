import type { Block, CloserLine } from '../../model/blocks.js';
import { el, type XElement } from '../xml/xml-tree.js';
import type { EncodeContext } from './encode-context.js';
import { encodeInlines } from './encode-inline.js';

/**
 * TEI's div is ordered: front matter (head, opener), then paragraphs and the like, then nested
 * divs, then the closer. Blocks come in source order, which may break that order (a heading after
 * a paragraph, text after a closer); such a body is cut into parts, each a valid div[@type='part'].
 */
const enum Zone {
  Top = 0,
  Common = 1,
  Divisions = 2,
  Bottom = 3,
}

/** Separators and block gaps are milestone/gap: TEI allows them anywhere in a div. */
function zoneOf(block: Block, current: Zone): Zone | undefined {
  switch (block.kind) {
    case 'heading':
    case 'salute':
      return Zone.Top;
    case 'marking':
      return current === Zone.Top ? Zone.Top : Zone.Common;
    case 'paragraph':
    case 'fields':
    case 'list':
    case 'speech':
      return Zone.Common;
    case 'document':
      return Zone.Divisions;
    case 'closer':
      // TEI allows a closer only after some text; before any, the same lines go in an opener.
      return current === Zone.Top ? Zone.Top : Zone.Bottom;
    case 'notes':
    case 'separator':
    case 'gap':
      return undefined;
  }
}

function splitIntoParts(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  let zone = Zone.Top;
  for (const b of blocks) {
    const z = zoneOf(b, zone);
    const fits = z === undefined || (z >= zone && !(z === Zone.Common && zone === Zone.Divisions));
    if (!fits) {
      parts.push([]);
      zone = Zone.Top;
    }
    const zz = zoneOf(b, zone);
    if (zz !== undefined) zone = zz;
    parts[parts.length - 1]!.push(b);
  }
  return parts;
}

function encodeCloserLine(line: CloserLine, ctx: EncodeContext): XElement {
  if (line.kind === 'signed') return el('signed', [], encodeInlines(line.content, ctx));
  if (line.kind === 'dateline') return el('dateline', [], encodeInlines(line.content, ctx, true));
  return el('seg', [['type', 'closer-line']], encodeInlines(line.content, ctx));
}

function encodeBlock(block: Block, zone: Zone, ctx: EncodeContext): XElement {
  switch (block.kind) {
    case 'heading':
      return el('head', [], encodeInlines(block.content, ctx));
    case 'salute':
      return el('opener', [], [el('salute', [], encodeInlines(block.content, ctx))]);
    case 'marking':
      return zone === Zone.Top
        ? el('opener', [], [el('seg', [['type', block.markingType]], encodeInlines(block.content, ctx))])
        : el('ab', [['type', block.markingType]], encodeInlines(block.content, ctx));
    case 'paragraph':
      return el('p', [['n', block.number]], encodeInlines(block.content, ctx));
    case 'fields':
      return el(
        'list',
        [['type', 'fields'], ['subtype', block.fieldsType]],
        block.fields.flatMap((f) => [
          el('label', [['type', f.role]], [f.label, el('pc', [['type', 'separator']], [f.separator])]),
          el('item', [], encodeInlines(f.value, ctx)),
        ]),
      );
    case 'list':
      return el(
        'list',
        [['type', block.listType]],
        block.items.map((i) => el('item', [['n', i.label]], encodeInlines(i.content, ctx))),
      );
    case 'speech':
      return el(
        'sp',
        [['who', block.who !== undefined ? `#${block.who}` : undefined]],
        [
          el('speaker', [], [...encodeInlines(block.speaker, ctx), el('pc', [['type', 'separator']], [block.separator])]),
          el('p', [], encodeInlines(block.content, ctx)),
        ],
      );
    case 'closer':
      return el(zone === Zone.Top ? 'opener' : 'closer', [], block.lines.map((l) => encodeCloserLine(l, ctx)));
    case 'notes':
      return el('noteGrp', [['type', 'notes']], [
        block.heading !== undefined && el('note', [['type', 'heading']], encodeInlines(block.heading, ctx)),
        ...block.notes.map((n) =>
          el('note', [['xml:id', n.id], ['type', n.noteType], ['n', n.n]], encodeInlines(n.content, ctx)),
        ),
      ]);
    case 'separator':
      return el('milestone', [['unit', 'separator'], ['n', block.text]]);
    case 'gap':
      return el('gap', [['reason', block.reason]], [block.text !== '' && el('desc', [], [block.text])]);
    case 'document':
      return encodeDocumentDiv(block.blocks, block.documentType, ctx, true);
  }
}

function encodePart(blocks: readonly Block[], ctx: EncodeContext): XElement[] {
  const out: XElement[] = [];
  let zone = Zone.Top;
  for (const b of blocks) {
    const z = zoneOf(b, zone);
    if (z !== undefined) zone = z;
    out.push(encodeBlock(b, zone, ctx));
  }
  return out;
}

/** div[@type='document']: the cable's own body, or a separate document on the same page (nested). */
export function encodeDocumentDiv(
  blocks: readonly Block[],
  documentType: string | undefined,
  ctx: EncodeContext,
  nested: boolean,
): XElement {
  const doctypeId = documentType !== undefined ? ctx.doctypeIds.get(documentType) : undefined;
  const attrs: [string, string | undefined][] = [
    ['type', 'document'],
    ['subtype', doctypeId?.replace(/^ck-doctype-/, '')],
    // The top-level type is in textClass/catRef; a nested document points to its category itself.
    ['ana', nested && doctypeId !== undefined ? `#${doctypeId}` : undefined],
  ];
  const parts = splitIntoParts(blocks);
  const children =
    parts.length === 1 ? encodePart(parts[0]!, ctx) : parts.map((p) => el('div', [['type', 'part']], encodePart(p, ctx)));
  return el('div', attrs, children);
}
