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
  return hyphenated(folded.toLowerCase()).slice(0, 60).replace(/-+$/, '');
}

/**
 * Apostrophes dropped, every run of other characters than a–z and 0–9 one hyphen, none at either
 * end: one pass instead of four replaces, on every name the body parser registers.
 */
function hyphenated(lower: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) continue; // "'" and "’" vanish: "Kim's" → "kims"
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (gap && out !== '') out += '-';
      gap = false;
      out += lower[i];
    } else gap = true;
  }
  return out;
}
