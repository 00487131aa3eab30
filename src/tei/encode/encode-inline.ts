import type { Inline } from '../../model/inline.js';
import { ID } from '../vocabulary.js';
import { el, type XChild } from '../xml/xml-tree.js';
import { translatorResp, type EncodeContext } from './encode-context.js';
import { dateAttrs } from './encode-date.js';

const MENTION_ELEMENT = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

/**
 * Text segments stay text; every other segment becomes the TEI element the profile assigns it.
 * `phraseOnly`: inside `date` and `dateline` TEI allows no `said`; a quote there is a seg[@type='said'].
 */
export function encodeInlines(segments: readonly Inline[], ctx: EncodeContext, phraseOnly = false): XChild[] {
  const out: XChild[] = [];
  for (const s of segments) {
    const encoded = encodeInline(s, ctx, phraseOnly);
    for (const c of encoded) if (c !== '') out.push(c);
  }
  return out;
}

function encodeInline(s: Inline, ctx: EncodeContext, phraseOnly: boolean): XChild[] {
  const inner = (content: readonly Inline[]) => encodeInlines(content, ctx, phraseOnly);
  switch (s.kind) {
    case 'text':
      return [s.text];
    case 'supplied':
      return [el('supplied', [['reason', 'translation'], ['resp', translatorResp(ctx)], ['rend', s.delimiter]], [s.text])];
    case 'gloss':
      if (s.glossType === 'unclassified') {
        // The classifier could not tell an added word from a gloss: a neutral seg, said in editorialDecl.
        return [el('seg', [['type', 'bracketed'], ['subtype', 'unclassified'], ['rend', s.delimiter]], inner(s.content))];
      }
      return [
        el(
          'note',
          [['type', 'gloss'], ['subtype', s.glossType], ['place', 'inline'], ['resp', translatorResp(ctx)], ['rend', s.delimiter]],
          inner(s.content),
        ),
      ];
    case 'sic':
      return [el('note', [['type', 'sic'], ['place', 'inline'], ['rend', s.delimiter]], [s.marker])];
    case 'gap':
      return [el('gap', [['reason', s.reason], ['rend', s.delimiter]], [s.text !== '' && el('desc', [], [s.text])])];
    case 'unclear':
      return [el('unclear', [['rend', s.delimiter]], [s.text])];
    case 'editorial':
      return [el('note', [['type', 'editorial'], ['subtype', s.editorialType], ['place', 'inline'], ['rend', s.delimiter]], [s.text])];
    case 'stamp': {
      const label = el('seg', [['type', 'label']], [s.label]);
      const content = [label, ...inner(s.content)];
      return s.stampType === 'stamp'
        ? [el('stamp', [['rend', s.delimiter]], content)]
        : [el('add', [['hand', `#${ID.hand}`], ['rend', s.delimiter]], content)];
    }
    case 'translatorNote':
      return [el('note', [['type', 'translator'], ['place', 'inline'], ['rend', s.delimiter]], inner(s.content))];
    case 'quote':
      return [
        el(
          phraseOnly ? 'seg' : 'said',
          phraseOnly
            ? [['type', 'said'], ['corresp', s.who !== undefined ? `#${s.who}` : undefined]]
            : [['who', s.who !== undefined ? `#${s.who}` : undefined], ['direct', 'true']],
          [
            s.open !== '' && el('pc', [['type', 'quote-open']], [s.open]),
            ...inner(s.content),
            s.close !== '' && el('pc', [['type', 'quote-close']], [s.close]),
          ],
        ),
      ];
    case 'date':
      return [el('date', dateAttrs(s.value, ctx), encodeInlines(s.content, ctx, true))];
    case 'mention':
      return [el(MENTION_ELEMENT[s.entityKind], [['ref', `#${s.ref}`]], inner(s.content))];
    case 'noteRef':
      return [el('ref', [['type', 'noteAnchor'], ['target', s.target !== undefined ? `#${s.target}` : undefined], ['rend', s.style]], [s.n])];
    case 'pageBreak':
      // pb is empty; the page number as the source printed it goes in the forme work that follows.
      return [el('pb', [['n', s.n]]), el('fw', [['type', 'pageNum'], ['rend', s.delimiter]], [s.text])];
    case 'lineBreak':
      return [el('lb')];
  }
}
