/**
 * Well-formed BCP 47 language tags (RFC 5646 syntax: language, script, region, variants,
 * extensions, private use), plus "none", which IIIF uses for text in no language.
 */
const BCP47 =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$/;

export function isLanguageTag(tag: string): boolean {
  return tag === 'none' || BCP47.test(tag);
}
