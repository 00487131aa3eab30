import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

export type WriteOutcome = 'written' | 'unchanged';

/** Reads a file's bytes, or undefined when it does not exist (other errors propagate). */
export function readFileIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes only when the bytes differ, so a re-run with unchanged inputs touches no file
 * (mtimes stay put and tools that watch the folder see nothing).
 */
export function writeIfChanged(
  path: string,
  content: string | Uint8Array,
  /** How to write (default: an atomic write flushed at once); the build passes its staged writer. */
  write: (path: string, bytes: Uint8Array) => void = writeFileAtomic,
): WriteOutcome {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const existing = readFileIfExists(path);
  if (existing !== undefined && existing.equals(bytes)) return 'unchanged';
  write(path, bytes);
  return 'written';
}
