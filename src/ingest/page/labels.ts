import { isAsciiSpace, keyStarts, pairCode } from './ascii-pair.js';

/**
 * Field labels of the page layouts. A label names a field; it is page structure, not document
 * text, so it is consumed rather than kept (the no-loss test knows these words by `isFieldLabel`).
 */
export type LabelKey =
  | 'citation'
  | 'summary'
  | 'credits'
  | 'original-language'
  | 'contents'
  | 'document-information'
  | 'source'
  | 'rights'
  | 'uploaded-date'
  | 'document-type'
  | 'record-id'
  | 'original-archive'
  | 'funders'
  | 'facet';

const LABELS = new Map<string, LabelKey>([
  ['citation', 'citation'],
  ['summary', 'summary'],
  ['credits', 'credits'],
  ['original language', 'original-language'],
  ['language', 'original-language'],
  ['contents', 'contents'],
  ['document information', 'document-information'],
  ['source', 'source'],
  ['rights', 'rights'],
  ['original uploaded date', 'uploaded-date'],
  ['uploaded date', 'uploaded-date'],
  ['type', 'document-type'],
  ['document type', 'document-type'],
  ['record id', 'record-id'],
  ['original archive', 'original-archive'],
  ['funders', 'funders'],
  ['funder', 'funders'],
  ['donors', 'funders'],
  ['author(s)', 'facet'],
  ['authors', 'facet'],
  ['associated places', 'facet'],
  ['associated topics', 'facet'],
  ['associated people & organizations', 'facet'],
  ['associated people and organizations', 'facet'],
  ['subjects discussed', 'facet'],
  ['related documents', 'facet'],
  ['keywords', 'facet'],
  ['themes', 'facet'],
  ['theme(s)', 'facet'],
]);

/** First two characters of every label key, for the pre-check in labelKey. */
const LABEL_STARTS = keyStarts(LABELS.keys());

/** Label text as written, without bold marks and colon: "**Citation:**" → "Citation". */
export function labelText(text: string): string {
  let t = text.trim();
  if (t.startsWith('**') && t.endsWith('**') && t.length > 4) t = t.slice(2, -2).trim();
  if (t.endsWith(':')) t = t.slice(0, -1).trim();
  return t;
}

/** Which field a line labels, if it is a label line. */
export function labelKey(text: string): LabelKey | undefined {
  // Labels are short; checking the length first spares copying long lines.
  if (text.length > 80) return undefined;
  // Nearly every line of the text starts with an ASCII pair no label starts with. A leading
  // space or '*' (bold) moves the key, and non-ASCII may change in case: those take the full path.
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (a < 0x80 && b < 0x80 && a !== 0x2a && !isAsciiSpace(a) && !LABEL_STARTS.has(pairCode(a, b))) return undefined;
  const t = text.trim();
  if (t.length > 40) return undefined;
  return LABELS.get(labelText(t).toLowerCase());
}

export function isFieldLabel(text: string): boolean {
  return labelKey(text) !== undefined;
}
