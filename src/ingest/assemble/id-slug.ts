import { slugify } from '../../text/slugify.js';

/** Longest id cablekit makes: ids end up in file names and URLs. */
const MAX_ID_SLUG = 80;

/** A slug that is also an XML NCName and a safe file name: it starts with a letter ("doc-" is put before a digit). */
export function idSlug(text: string): string {
  const s = slugify(text, MAX_ID_SLUG);
  return s && !/^[a-z]/.test(s) ? `doc-${s}` : s;
}
