/** Latin letters that carry no combining mark to strip, so NFD alone would drop them. */
const FOLD: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'Th', þ: 'th' };

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * An xml:id-safe slug of a name: diacritics folded, lower case, hyphens between words.
 * Names with no Latin letters (CJK) give "", and the caller numbers them instead.
 */
export function slugify(name: string): string {
  // Folding and NFD change nothing in ASCII, which most names are.
  const folded = NON_ASCII.test(name)
    ? name
        .replace(/[ŁłØøĐđßÆæŒœÞþ]/g, (c) => FOLD[c] ?? c)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
    : name;
  return folded
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
