import type { Block, CloserLine, Field, ListBlock, Note } from '../../model/blocks.js';
import { FIELD_ROLES, MARKING_TYPES, oneOf } from '../vocabulary.js';
import { attr, childElements, isElement, textContent, type XChild, type XElement } from '../xml/xml-tree.js';
import { localId, setIf, type DecodeContext } from './decode-context.js';
import { decodeInlines } from './decode-inline.js';

const LIST_TYPES: readonly ListBlock['listType'][] = ['numbered', 'bulleted', 'dash', 'distribution'];

function lineOf(e: XElement): { line?: number } {
  return e.line !== undefined ? { line: e.line } : {};
}

/** Element children of a container; text other than indentation is reported, not silently lost. */
function containerChildren(e: XElement, ctx: DecodeContext): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) {
    if (isElement(c)) out.push(c);
    else if (c.trim() !== '') {
      ctx.bag.warn('tei/stray-text', `Text directly inside <${e.name}> is outside any block and was not read: "${c.trim().slice(0, 40)}".`, lineOf(e));
    }
  }
  return out;
}

/** Splits off a trailing pc[@type='separator'] (after field labels and speaker names). */
function withoutSeparator(children: readonly XChild[]): { content: XChild[]; separator: string } {
  const last = children[children.length - 1];
  if (isElement(last) && last.name === 'pc' && attr(last, 'type') === 'separator') {
    return { content: children.slice(0, -1), separator: textContent(last) };
  }
  return { content: [...children], separator: '' };
}

function decodeCloserLines(children: readonly XChild[], ctx: DecodeContext): CloserLine[] {
  const lines: CloserLine[] = [];
  for (const c of children) {
    if (!isElement(c)) {
      if (c.trim() !== '') lines.push({ kind: 'other', content: decodeInlines([c], ctx) });
      continue;
    }
    if (c.name === 'signed') lines.push({ kind: 'signed', content: decodeInlines(c.children, ctx) });
    else if (c.name === 'dateline') lines.push({ kind: 'dateline', content: decodeInlines(c.children, ctx) });
    else if (c.name === 'seg' && attr(c, 'type') === 'closer-line') lines.push({ kind: 'other', content: decodeInlines(c.children, ctx) });
    else lines.push({ kind: 'other', content: decodeInlines([c], ctx) });
  }
  return lines;
}

/** An opener holds a salutation, a marking, or (before any text) the lines of a signature block. */
function decodeOpener(e: XElement, ctx: DecodeContext): Block {
  const kids = containerChildren(e, ctx);
  const only = kids.length === 1 ? kids[0] : undefined;
  if (only?.name === 'salute') return { kind: 'salute', content: decodeInlines(only.children, ctx) };
  const type = only !== undefined ? attr(only, 'type') : undefined;
  if (only?.name === 'seg' && oneOf(MARKING_TYPES, type)) return { kind: 'marking', markingType: type, content: decodeInlines(only.children, ctx) };
  return { kind: 'closer', lines: decodeCloserLines(kids, ctx) };
}

function decodeFields(e: XElement, ctx: DecodeContext): Block {
  const fields: Field[] = [];
  let pending: XElement | undefined;
  for (const c of containerChildren(e, ctx)) {
    if (c.name === 'label') {
      pending = c;
      continue;
    }
    if (c.name !== 'item') continue;
    const { content, separator } = pending ? withoutSeparator(pending.children) : { content: [], separator: '' };
    const field: Field = { label: content.map(textContent).join(''), separator, value: decodeInlines(c.children, ctx) };
    const role = pending ? attr(pending, 'type') : undefined;
    if (oneOf(FIELD_ROLES, role)) field.role = role;
    fields.push(field);
    pending = undefined;
  }
  const subtype = attr(e, 'subtype');
  return { kind: 'fields', fieldsType: subtype === 'memo' || subtype === 'transmission' ? subtype : 'meeting', fields };
}

function decodeList(e: XElement, ctx: DecodeContext): Block {
  const type = attr(e, 'type');
  if (type === 'fields') return decodeFields(e, ctx);
  return {
    kind: 'list',
    listType: oneOf(LIST_TYPES, type) ? type : 'bulleted',
    items: childElements(e, 'item').map((item) => {
      const out: { label?: string; content: ReturnType<typeof decodeInlines> } = { content: decodeInlines(item.children, ctx) };
      const n = attr(item, 'n');
      return n !== undefined ? { label: n, content: out.content } : out;
    }),
  };
}

function decodeSpeech(e: XElement, ctx: DecodeContext): Block {
  const speaker = childElements(e, 'speaker')[0];
  const { content, separator } = speaker ? withoutSeparator(speaker.children) : { content: [], separator: '' };
  const paragraphs = childElements(e, 'p');
  if (paragraphs.length > 1) ctx.bag.warn('tei/speech-paragraphs', 'A speech holds more than one paragraph; they are read as one, joined by line breaks.', lineOf(e));
  const body = paragraphs.flatMap((p, i) => [...(i > 0 ? [{ kind: 'lineBreak' as const }] : []), ...decodeInlines(p.children, ctx)]);
  const block: Block = { kind: 'speech', speaker: decodeInlines(content, ctx), separator, content: body };
  setIf(block, 'who', localId(attr(e, 'who')));
  return block;
}

function decodeNotes(e: XElement, ctx: DecodeContext): Block {
  let heading: ReturnType<typeof decodeInlines> | undefined;
  const notes: Note[] = [];
  for (const n of containerChildren(e, ctx)) {
    if (n.name !== 'note') continue;
    const type = attr(n, 'type');
    if (type === 'heading') {
      heading = decodeInlines(n.children, ctx);
      continue;
    }
    let id = attr(n, 'xml:id');
    if (id === undefined) {
      id = `note-${notes.length + 1}`;
      ctx.bag.warn('tei/note-without-id', 'A note in a notes group has no xml:id; references cannot point to it.', lineOf(n));
    }
    notes.push({ id, n: attr(n, 'n') ?? '', noteType: type === 'translator' ? 'translator' : 'footnote', content: decodeInlines(n.children, ctx) });
  }
  return heading !== undefined ? { kind: 'notes', heading, notes } : { kind: 'notes', notes };
}

function decodeBlock(e: XElement, ctx: DecodeContext, out: Block[]): void {
  switch (e.name) {
    case 'head':
      out.push({ kind: 'heading', content: decodeInlines(e.children, ctx) });
      return;
    case 'opener':
      out.push(decodeOpener(e, ctx));
      return;
    case 'ab': {
      const type = attr(e, 'type');
      out.push({ kind: 'marking', markingType: oneOf(MARKING_TYPES, type) ? type : 'other', content: decodeInlines(e.children, ctx) });
      return;
    }
    case 'p': {
      const n = attr(e, 'n');
      const content = decodeInlines(e.children, ctx);
      out.push(n !== undefined ? { kind: 'paragraph', number: n, content } : { kind: 'paragraph', content });
      return;
    }
    case 'list':
      out.push(decodeList(e, ctx));
      return;
    case 'sp':
      out.push(decodeSpeech(e, ctx));
      return;
    case 'closer':
      out.push({ kind: 'closer', lines: decodeCloserLines(e.children.filter((c) => isElement(c) || c.trim() !== ''), ctx) });
      return;
    case 'noteGrp':
      out.push(decodeNotes(e, ctx));
      return;
    case 'milestone':
      out.push({ kind: 'separator', text: attr(e, 'n') ?? '' });
      return;
    case 'gap': {
      const desc = childElements(e, 'desc')[0];
      out.push({ kind: 'gap', text: desc ? textContent(desc) : '', reason: attr(e, 'reason') === 'truncated' ? 'truncated' : 'omitted' });
      return;
    }
    case 'div': {
      const type = attr(e, 'type');
      if (type === 'part') {
        for (const c of containerChildren(e, ctx)) decodeBlock(c, ctx, out);
        return;
      }
      out.push(decodeDocumentDiv(e, ctx));
      return;
    }
    default:
      ctx.bag.warn('tei/unknown-element', `<${e.name}> is not a block of this profile; it was not read.`, lineOf(e));
  }
}

export function decodeBlocks(div: XElement, ctx: DecodeContext): Block[] {
  const out: Block[] = [];
  for (const c of containerChildren(div, ctx)) decodeBlock(c, ctx, out);
  return out;
}

/** A nested div[@type='document']: its type is the category its @ana points to. */
function decodeDocumentDiv(e: XElement, ctx: DecodeContext): Block {
  const blocks = decodeBlocks(e, ctx);
  const ana = attr(e, 'ana');
  const documentType = ana !== undefined ? ctx.categories.get(localId(ana.split(/\s+/)[0]) ?? '') : undefined;
  return documentType !== undefined ? { kind: 'document', documentType, blocks } : { kind: 'document', blocks };
}
