import { existsSync, lstatSync } from 'node:fs';

/**
 * The project folder (the one holding package.json), as a file: URL ending in "/". The bench runs
 * from bench/ under vitest and from dist-bench/bench/ when built, so a fixed relative path would not do.
 */
export function repoRoot(): URL {
  let dir = new URL('./', import.meta.url);
  // dist-bench/ links package.json in for the code compiled there: only the real one counts.
  while (!existsSync(new URL('package.json', dir)) || lstatSync(new URL('package.json', dir)).isSymbolicLink()) {
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error('package.json not found above the bench');
    dir = parent;
  }
  return dir;
}
