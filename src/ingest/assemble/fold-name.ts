import { normalizeWhitespace } from '../../model/reading-text.js';

const ASCII = /^[\x00-\x7f]*$/;

/** Name compared without case, diacritics and spacing: "Balázs Szalontai" = "Balazs  Szalontai". */
export function foldName(name: string): string {
  // Unicode normalisation is costly, so plain ASCII skips it.
  const bare = ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return normalizeWhitespace(bare.toLowerCase());
}
