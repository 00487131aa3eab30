import type { Inline } from '../../../model/inline.js';
import type { InlineContext } from './inline-context.js';

/** Parses text inside an editorial bracket (recursion back into the scanner). */
export type ParseInner = (text: string) => Inline[];

const GAP = /^(?:(?:\.\s?){2,}\.?|\.*…+\.*)$/;
const ILLEGIBLE = /^(?:illegible|(?:\d+|one|two|three|several)?\s*words? illegible|unreadable)$/i;
const STAMP = /^((?:handwritten|handwriting|hand-written)(?: note| notation| text)?|stamp|seal|rubber stamp)(\s*:\s*)/i;
const TRANSLATOR_LABEL = /^(?:translator['’]?s?\s+notes?|trans(?:l)?\.\s*notes?|tr\.\s*note|t\.n\.|tn)\b/i;
const TRANSLATOR_TAIL = /[-–—]\s*(?:trans\.?|transl\.?|translator|tr\.)$/i;
const EXPLANATION = /^(?:i\.\s?e\.|e\.\s?g\.|that is|namely|viz\.|meaning|hereafter|henceforth)/i;
const EDITORIAL: Array<[RegExp, 'emphasis' | 'no-name' | 'illegible-signature' | 'signature' | 'redacted']> = [
  [/^(?:emphasis|underlin\w*|italics|bold)\b.*\b(?:original|added)$/i, 'emphasis'],
  [/^(?:no name (?:given|indicated)|name not given|name illegible)$/i, 'no-name'],
  [/^illegible signature$/i, 'illegible-signature'],
  [/^(?:signature|signed)$/i, 'signature'],
  [/^redacted$/i, 'redacted'],
];
const PAGE = /^(?:p\.|page|pg\.)\s*(\d+[a-z]?)$/i;
/** Remarks about the document rather than words of it: "[handwritten]", "[Ed.: …]", "[in English in the original]". */
const OTHER_REMARK =
  /^(?:handwritten|stamp|seal|crossed out|deleted|strikethrough|underlined|marginal note|margin note|page break|end of document|end of text|text missing|missing text|untranslated|not translated)$|^(?:ed\.|editor['’]?s note|note by the editor)\s*[:—–-]|\bin the original\b|\boriginal (?:text|document)\b/i;
/** Words that open an added phrase rather than a name: "[To the]", "[We]", "[But]". */
const FUNCTION_WORD =
  /^(?:to|the|a|an|we|i|he|she|it|they|you|us|them|but|and|or|so|because|in|on|for|of|that|which|who|is|are|was|were|be|this|these|those|there|with|as|by|at|from|not|has|have|had|will|would|should|can|could|our|his|her|their|its|my|if|then|also)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|the|and|de|van|von|la|le|du|al|bin|[\p{Lu}\d][\p{Lu}\d.-]*)[,;]?$/u;

/**
 * What every pattern above anchored at the start can open with (same case rule). Most brackets
 * hold a name or added words and open otherwise: one test then rules out all of those patterns.
 */
const REMARK_START =
  /^(?:[*\d.…]|sic|illegible|one|two|three|several|word|unreadable|hand|stamp|seal|rubber stamp|tr|t\.n\.|tn|emphasis|underlin|italics|bold|no name|name|signature|signed|redacted|p\.|page|pg\.|i\.|e\.|that is|namely|viz\.|meaning|hereafter|henceforth)/i;

/**
 * Classifies the text inside "[…]" into the editorial act it records. When the act cannot be told
 * (a capitalised phrase mixing names and common words), the gloss is 'unclassified' and reported.
 * The patterns are tried in a fixed order; those REMARK_START rules out are skipped.
 */
export function classifySquare(inner: string, ctx: InlineContext, parseInner: ParseInner): Inline {
  const text = inner.trim();
  // STAMP reads `inner`: with leading space it cannot match, without it `inner` opens like `text`.
  const opensRemark = REMARK_START.test(text);
  if (opensRemark) {
    const remark = openingRemark(inner, text, ctx, parseInner);
    if (remark) return remark;
  }
  if (TRANSLATOR_TAIL.test(text)) return { kind: 'translatorNote', content: parseInner(inner), delimiter: 'square' };
  if (opensRemark) {
    for (const [pattern, editorialType] of EDITORIAL) {
      if (pattern.test(text)) return { kind: 'editorial', editorialType, text: inner, delimiter: 'square' };
    }
  }
  if (/\?$/.test(text)) return { kind: 'editorial', editorialType: 'query', text: inner, delimiter: 'square' };
  const page = opensRemark ? PAGE.exec(text) : null;
  if (page && text === inner) return { kind: 'pageBreak', n: page[1]!, text: inner, delimiter: 'square' };
  if (OTHER_REMARK.test(text)) return { kind: 'editorial', editorialType: 'other', text: inner, delimiter: 'square' };
  if (opensRemark && EXPLANATION.test(text)) return gloss('explanation', inner, parseInner);
  return classifyWords(inner, text, ctx, parseInner);
}

/** The first acts tried, each told by how the bracket opens: note marker, sic, omission, illegible, stamp, translator's note. */
function openingRemark(inner: string, text: string, ctx: InlineContext, parseInner: ParseInner): Inline | undefined {
  if (/^[*]+$|^\d{1,3}$/.test(text) && ctx.noteNumbers.has(text) && text === inner) {
    const target = ctx.noteIds.get(text);
    return target !== undefined ? { kind: 'noteRef', n: text, style: 'square', target } : { kind: 'noteRef', n: text, style: 'square' };
  }
  if (/^sic!?\.?$/i.test(text)) return { kind: 'sic', marker: inner, delimiter: 'square' };
  if (GAP.test(text)) return { kind: 'gap', text: inner, delimiter: 'square', reason: 'omitted' };
  if (ILLEGIBLE.test(text)) return { kind: 'gap', text: inner, delimiter: 'square', reason: 'illegible' };
  const stamp = STAMP.exec(inner);
  if (stamp) {
    const label = stamp[0];
    const stampType = /stamp|seal/i.test(stamp[1]!) ? 'stamp' : 'handwriting';
    return { kind: 'stamp', stampType, label, content: parseInner(inner.slice(label.length)), delimiter: 'square' };
  }
  if (TRANSLATOR_LABEL.test(text)) return { kind: 'translatorNote', content: parseInner(inner), delimiter: 'square' };
  return undefined;
}

function classifyWords(inner: string, text: string, ctx: InlineContext, parseInner: ParseInner): Inline {
  const words = text.split(/[\s\u00a0]+/);
  const first = words[0] ?? '';
  const rest = words.slice(1);
  if (/^\d{4}$/.test(text) || (/\b(?:1[89]|20)\d\d\b/.test(text) && /^[\p{Lu}\d]/u.test(text))) {
    return gloss('identification', inner, parseInner); // a year or date the editor supplied: "[1965]"
  }
  const startsLower = /^\p{Ll}/u.test(first);
  const capitalisedRest = rest.some((w) => /^\p{Lu}/u.test(w));
  if (/^(?:the|a|an)$/i.test(first) && capitalisedRest) {
    return gloss('explanation', inner, parseInner); // "[the Korean War]", "[the Korean Workers' Party]"
  }
  if (startsLower) return { kind: 'supplied', text: inner, delimiter: 'square' }; // "[first]", "[for us]", "[in order to]"
  if (FUNCTION_WORD.test(first)) return { kind: 'supplied', text: inner, delimiter: 'square' }; // "[To the]", "[We]", "[But]"
  if (words.every((w) => NAME_WORD.test(w))) return gloss('identification', inner, parseInner); // "[North] Korea", "[Jiao Ruoyu]"
  if (/^\p{Lo}/u.test(text)) return gloss('identification', inner, parseInner); // a name in its original script
  ctx.bag.info('ingest/unclassified-bracket', `Could not tell whether "[${inner}]" adds words or identifies something; encoded as an unclassified gloss.`, {
    ...(ctx.line !== undefined ? { line: ctx.line } : {}),
    hint: 'Review the bracket and classify it by hand if it matters.',
  });
  return gloss('unclassified', inner, parseInner);
}

function gloss(glossType: 'identification' | 'explanation' | 'unclassified', inner: string, parseInner: ParseInner): Inline {
  return { kind: 'gloss', glossType, content: parseInner(inner), delimiter: 'square' };
}
