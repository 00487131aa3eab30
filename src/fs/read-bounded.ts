import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Buffer } | { tooLarge: number };

/**
 * A file's bytes, or its size when it is larger than `maxBytes`: the size is taken from the open
 * file before anything is read, and no more than `maxBytes + 1` bytes are ever read (a file that
 * grows after the check is caught too). Errors of the file system propagate.
 */
export function readFileBounded(path: string, maxBytes: number): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { tooLarge: length };
      if (length === buffer.length) break;
    }
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
