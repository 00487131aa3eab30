import type { Delimiter, Inline } from '../../model/inline.js';
import { readingText } from '../../model/reading-text.js';
import { EDITORIAL_TYPES, isDelimiter, oneOf } from '../vocabulary.js';
import { attr, childElements, isElement, textContent, type XChild, type XElement } from '../xml/xml-tree.js';
import { localId, type DecodeContext } from './decode-context.js';
import { decodeDateValue } from './decode-date.js';

const MENTION_KIND = { persName: 'person', orgName: 'org', placeName: 'place' } as const;

function delimiterOf(e: XElement, fallback: Delimiter): Delimiter {
  const rend = attr(e, 'rend');
  return isDelimiter(rend) ? rend : fallback;
}

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + text };
  else out.push({ kind: 'text', text });
}

function pushAll(out: Inline[], segments: Inline[]): void {
  for (const s of segments) {
    if (s.kind === 'text') pushText(out, s.text);
    else out.push(s);
  }
}

/** Element children marked as delimiters (pc) are taken off the ends; the rest is content. */
function splitMarks(children: readonly XChild[], openType: string | undefined, closeType: string | undefined) {
  let start = 0;
  let end = children.length;
  let open: string | undefined;
  let close: string | undefined;
  const first = children[0];
  if (openType !== undefined && isElement(first) && first.name === 'pc' && attr(first, 'type') === openType) {
    open = textContent(first);
    start = 1;
  }
  const last = children[end - 1];
  if (closeType !== undefined && end > start && isElement(last) && last.name === 'pc' && attr(last, 'type') === closeType) {
    close = textContent(last);
    end--;
  }
  return { open, close, content: children.slice(start, end) };
}

function decodeNote(e: XElement, ctx: DecodeContext): Inline {
  const type = attr(e, 'type');
  const delimiter = delimiterOf(e, 'square');
  switch (type) {
    case 'gloss': {
      const subtype = attr(e, 'subtype');
      const glossType = subtype === 'identification' || subtype === 'explanation' ? subtype : 'explanation';
      return { kind: 'gloss', glossType, content: decodeInlines(e.children, ctx), delimiter };
    }
    case 'sic':
      return { kind: 'sic', marker: textContent(e), delimiter };
    case 'translator':
      return { kind: 'translatorNote', content: decodeInlines(e.children, ctx), delimiter };
    case 'editorial': {
      const subtype = attr(e, 'subtype');
      return { kind: 'editorial', editorialType: oneOf(EDITORIAL_TYPES, subtype) ? subtype : 'other', text: textContent(e), delimiter };
    }
    default:
      ctx.bag.warn('tei/unknown-note-type', `note[@type="${type ?? ''}"] is not a type of this profile; read as an editorial remark.`, lineOf(e));
      return { kind: 'editorial', editorialType: 'other', text: textContent(e), delimiter };
  }
}

function lineOf(e: XElement): { line?: number } {
  return e.line !== undefined ? { line: e.line } : {};
}

function decodeQuote(e: XElement, who: string | undefined, ctx: DecodeContext): Inline {
  const { open, close, content } = splitMarks(e.children, 'quote-open', 'quote-close');
  const quote: Inline = { kind: 'quote', open: open ?? '', close: close ?? '', content: decodeInlines(content, ctx) };
  const id = localId(who);
  if (id !== undefined) quote.who = id;
  return quote;
}

function decodeStamp(e: XElement, ctx: DecodeContext): Inline {
  const first = e.children[0];
  const hasLabel = isElement(first) && first.name === 'seg' && attr(first, 'type') === 'label';
  return {
    kind: 'stamp',
    stampType: e.name === 'add' ? 'handwriting' : 'stamp',
    label: hasLabel ? textContent(first) : '',
    content: decodeInlines(hasLabel ? e.children.slice(1) : e.children, ctx),
    delimiter: delimiterOf(e, 'square'),
  };
}

/**
 * Mixed content back to inline segments. Elements this profile does not use are read for their
 * text (nothing a person wrote is dropped) and reported.
 */
export function decodeInlines(children: readonly XChild[], ctx: DecodeContext): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (!isElement(c)) {
      pushText(out, c);
      continue;
    }
    switch (c.name) {
      case 'supplied':
        out.push({ kind: 'supplied', text: textContent(c), delimiter: delimiterOf(c, 'square') });
        break;
      case 'note':
        out.push(decodeNote(c, ctx));
        break;
      case 'seg': {
        const type = attr(c, 'type');
        if (type === 'bracketed') {
          out.push({ kind: 'gloss', glossType: 'unclassified', content: decodeInlines(c.children, ctx), delimiter: delimiterOf(c, 'square') });
        } else if (type === 'said') {
          out.push(decodeQuote(c, attr(c, 'corresp'), ctx));
        } else {
          pushAll(out, decodeInlines(c.children, ctx));
        }
        break;
      }
      case 'gap': {
        const reason = attr(c, 'reason');
        const desc = childElements(c, 'desc')[0];
        const gap: Inline = { kind: 'gap', text: desc ? textContent(desc) : '', delimiter: delimiterOf(c, 'square') };
        if (reason === 'omitted' || reason === 'illegible' || reason === 'truncated' || reason === 'redacted') gap.reason = reason;
        out.push(gap);
        break;
      }
      case 'unclear':
        out.push({ kind: 'unclear', text: textContent(c), delimiter: delimiterOf(c, 'double-square') });
        break;
      case 'stamp':
      case 'add':
        out.push(decodeStamp(c, ctx));
        break;
      case 'said':
        out.push(decodeQuote(c, attr(c, 'who'), ctx));
        break;
      case 'date': {
        const content = decodeInlines(c.children, ctx);
        out.push({ kind: 'date', content, value: decodeDateValue(c, readingText(content), 'text', ctx) });
        break;
      }
      case 'persName':
      case 'orgName':
      case 'placeName': {
        const ref = localId(attr(c, 'ref'));
        const content = decodeInlines(c.children, ctx);
        if (ref === undefined) pushAll(out, content);
        else out.push({ kind: 'mention', entityKind: MENTION_KIND[c.name], ref, content });
        break;
      }
      case 'ref': {
        const rend = attr(c, 'rend');
        const target = localId(attr(c, 'target'));
        const style = rend === 'round' || rend === 'bare' ? rend : 'square';
        out.push(target !== undefined ? { kind: 'noteRef', n: textContent(c), style, target } : { kind: 'noteRef', n: textContent(c), style });
        break;
      }
      case 'pb': {
        const next = children[i + 1];
        const fw = isElement(next) && next.name === 'fw' && attr(next, 'type') === 'pageNum' ? next : undefined;
        if (fw) i++;
        out.push({ kind: 'pageBreak', n: attr(c, 'n') ?? '', text: fw ? textContent(fw) : '', delimiter: fw ? delimiterOf(fw, 'round') : 'none' });
        break;
      }
      case 'lb':
        out.push({ kind: 'lineBreak' });
        break;
      default:
        ctx.bag.warn('tei/unknown-element', `<${c.name}> is not part of this profile's running text; its text is kept as plain text.`, lineOf(c));
        pushAll(out, decodeInlines(c.children, ctx));
    }
  }
  return out;
}
