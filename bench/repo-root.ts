import { existsSync } from 'node:fs';

/**
 * The project folder (the one holding package.json), as a file: URL ending in "/". The bench runs
 * from bench/ under vitest and from dist-bench/bench/ when built, so a fixed relative path would not do.
 */
export function repoRoot(): URL {
  let dir = new URL('./', import.meta.url);
  while (!existsSync(new URL('package.json', dir))) {
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error('package.json not found above the bench');
    dir = parent;
  }
  return dir;
}
