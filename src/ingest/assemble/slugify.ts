import { normalizeWhitespace } from '../../model/reading-text.js';

const ASCII = /^[\x00-\x7f]*$/;

/** "Ödön" → "Odon". Unicode normalisation is costly, so plain ASCII skips it. */
function withoutDiacritics(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Longest id cablekit makes: ids end up in file names and URLs. */
const MAX_SLUG = 80;

/**
 * Text → an id that is an XML NCName and a safe file name: ASCII letters, digits and "-",
 * starting with a letter. Diacritics are folded ("Ó" → "o"); other scripts drop out.
 */
export function slugify(text: string): string {
  let s = withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > MAX_SLUG) {
    s = s.slice(0, MAX_SLUG);
    const cut = s.lastIndexOf('-');
    if (cut > MAX_SLUG / 2) s = s.slice(0, cut);
    s = s.replace(/-+$/, '');
  }
  if (s && !/^[a-z]/.test(s)) s = `doc-${s}`;
  return s;
}

/** Name compared without case, diacritics and spacing: "Balázs Szalontai" = "Balazs  Szalontai". */
export function foldName(name: string): string {
  return normalizeWhitespace(withoutDiacritics(name).toLowerCase());
}
