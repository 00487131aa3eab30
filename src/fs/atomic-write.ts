import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomicLibrary from 'write-file-atomic';

/**
 * Writes a file so readers see either the old or the new content, never half of it: the bytes
 * go to a temporary file in the same folder, are flushed to disk and renamed over the target
 * (write-file-atomic does this, and removes its temporary file when anything fails).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicLibrary.sync(path, typeof content === 'string' ? content : Buffer.from(content), { fsync: true });
}
