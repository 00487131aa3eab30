import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The temporary name write-file-atomic gives a file before renaming it into place: the target's
 * name, a dot and a decimal number ("manifest.json.2998829218"). A process killed between the
 * write and the rename leaves one behind.
 */
export const ATOMIC_TEMP_NAME = /\.[A-Za-z][A-Za-z0-9]*\.\d+$/;

/**
 * Removes the temp files an interrupted atomic write left under `dir` (a folder the build owns),
 * so none is ever published or mistaken for an output. Never follows symbolic links. With
 * `onlyBesideTarget` (folders people also edit, like the TEI folder) a file is removed only when
 * the file it was meant to become exists. Returns the removed paths.
 */
export function removeAtomicTempFiles(dir: string, onlyBesideTarget: boolean, maxDepth = 32): string[] {
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  const visit = (folder: string, depth: number): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const stat = lstatSync(full);
      if (stat.isDirectory() && !stat.isSymbolicLink()) {
        if (depth < maxDepth) visit(full, depth + 1);
      } else if (stat.isFile() && ATOMIC_TEMP_NAME.test(name) && (!onlyBesideTarget || existsSync(full.replace(/\.\d+$/, '')))) {
        rmSync(full, { force: true });
        removed.push(full);
      }
    }
  };
  visit(dir, 0);
  return removed;
}
