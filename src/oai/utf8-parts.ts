/**
 * The UTF-8 bytes of a response given as its parts, written one after another into one buffer.
 * A list page is some 1,500 parts; joining them into one string first (a rope V8 must flatten)
 * and encoding that cost about twice as much. A UTF-16 code unit is at most 3 UTF-8 bytes, so
 * `3 × length` always suffices; the unused tail is cut off.
 */
export function utf8Parts(parts: readonly string[]): Buffer {
  let units = 0;
  for (const part of parts) units += part.length;
  const out = Buffer.allocUnsafe(units * 3);
  let offset = 0;
  for (const part of parts) offset += out.write(part, offset, 'utf8');
  return out.subarray(0, offset);
}
