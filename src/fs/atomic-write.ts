import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Prefix of temporary files; ignored by git and by the source walk, so a crash leaves no visible junk. */
export const TEMP_FILE_PREFIX = '.cablekit-tmp-';

/**
 * Writes a file so readers see either the old or the new content, never half of it:
 * the bytes go to a temporary file in the same folder (same file system, so rename is atomic),
 * are flushed to disk, and the temporary file is renamed over the target.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tempPath = join(dir, `${TEMP_FILE_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | undefined;
  try {
    fd = openSync(tempPath, 'wx', 0o644);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tempPath, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tempPath, { force: true });
    throw error;
  }
}
