/**
 * An xml:id-safe slug of a name: diacritics folded, lower case, hyphens between words.
 * Names with no Latin letters (CJK) give "", and the caller numbers them instead.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
