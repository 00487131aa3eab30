/** Latin letters that carry no combining mark to strip, so NFD alone would drop them. */
const FOLD: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'Th', þ: 'th' };

/**
 * An xml:id-safe slug of a name: diacritics folded, lower case, hyphens between words.
 * Names with no Latin letters (CJK) give "", and the caller numbers them instead.
 */
export function slugify(name: string): string {
  return name
    .replace(/[ŁłØøĐđßÆæŒœÞþ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
