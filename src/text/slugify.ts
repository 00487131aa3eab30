/** Latin letters that carry no combining mark to strip, so decomposition alone would drop them. */
const FOLD: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'Th', þ: 'th' };
const FOLDED = /[ŁłØøĐđßÆæŒœÞþ]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** "Łódź" → "Lodz", "Ödön" → "Odon", "ﬁ" → "fi"; other scripts are left as they are (and drop out later). */
export function foldToAscii(text: string): string {
  // Folding and decomposing change nothing in ASCII, which most text is: skip the cost.
  if (!NON_ASCII.test(text)) return text;
  return text
    .replace(FOLDED, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * The one slug of cablekit (document ids, entity ids, collection names, OAI setSpecs): diacritics
 * folded, lower case, apostrophes dropped ("Kim's" → "kims"), every other run of characters outside
 * a–z and 0–9 one hyphen, none at either end. Text with no Latin letter or digit gives "" and the
 * caller decides what stands in. With `maxLength`, a longer slug is cut at the last word boundary
 * past half the length (else at the length itself).
 */
export function slugify(text: string, maxLength?: number): string {
  const slug = hyphenated(foldToAscii(text).toLowerCase());
  if (maxLength === undefined || slug.length <= maxLength) return slug;
  let cut = slug.slice(0, maxLength);
  const boundary = cut.lastIndexOf('-');
  if (boundary > maxLength / 2) cut = cut.slice(0, boundary);
  return cut.replace(/-+$/, '');
}

/** One pass instead of four replaces: slugs are made for every name the body parser registers. */
function hyphenated(lower: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) continue;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (gap && out !== '') out += '-';
      gap = false;
      out += lower[i];
    } else gap = true;
  }
  return out;
}
