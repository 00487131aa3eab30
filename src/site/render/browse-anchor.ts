/** The fragment id of a name or value on a browse page: stable, ASCII, never empty. */
export function browseAnchor(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Names that differ only in characters the slug drops still get distinct anchors.
  let hash = 0;
  for (const ch of value) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `v-${slug || 'x'}-${hash.toString(36)}`;
}
