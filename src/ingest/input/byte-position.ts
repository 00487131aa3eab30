/** 1-based line and column of a byte offset; the column counts characters of the decoded line prefix. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Non-fatal decoding of the prefix: the bytes before `offset` are valid or replaced, either way one char each.
  const prefix = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
