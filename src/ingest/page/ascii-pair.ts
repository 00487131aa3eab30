/**
 * Cheap pre-checks for lookups of normalised line keys (chrome, labels): the first two
 * characters of a line, when both are ASCII, already tell which keys it could normalise to.
 */

/** The first two characters as one number, ASCII letters lower-cased. */
export function pairCode(a: number, b: number): number {
  const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
  return lower(a) * 0x10000 + lower(b);
}

/** The pair codes of a set of (lower-case) keys. */
export function keyStarts(keys: Iterable<string>): Set<number> {
  return new Set([...keys].map((k) => pairCode(k.charCodeAt(0), k.charCodeAt(1))));
}

/** The ASCII characters trim() and \s remove. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
