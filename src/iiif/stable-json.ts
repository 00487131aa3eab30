/**
 * IIIF JSON with a fixed key order (the order of the spec's examples: context, id, type, label…,
 * then the rest alphabetically) and 2-space indent, so an unchanged cable gives an unchanged file
 * whatever order the builder set properties in.
 */
const KEY_ORDER = [
  '@context',
  'id',
  'type',
  'profile',
  'motivation',
  'label',
  'summary',
  'metadata',
  'requiredStatement',
  'rights',
  'provider',
  'homepage',
  'seeAlso',
  'rendering',
  'navDate',
  'navPlace',
  'partOf',
  'thumbnail',
  'format',
  'language',
  'width',
  'height',
  'service',
  'items',
  'annotations',
  'body',
  'target',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? KEY_ORDER.length;
  const rb = RANK.get(b) ?? KEY_ORDER.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = ordered(v);
  }
  return out;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(ordered(value), null, 2) + '\n';
}
