import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface WalkOptions {
  /** File name endings to keep, lowercase, with the dot: ['.txt']. */
  extensions: readonly string[];
  /** Guards against pathological trees; deeper folders are not entered. */
  maxDepth?: number;
}

/**
 * Lists files under `root` (recursively, sorted, so builds are deterministic), skipping dotfiles
 * and dot-folders (state files, temp files, .git) and never following symbolic links, so a
 * link loop or a link out of the tree cannot make the walk run away.
 */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const maxDepth = options.maxDepth ?? 32;
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    const names = readdirSync(dir).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (depth < maxDepth) visit(full, depth + 1);
      } else if (stat.isFile() && options.extensions.some((ext) => name.toLowerCase().endsWith(ext))) {
        found.push(full);
      }
    }
  };
  visit(root, 0);
  return found;
}

/** Lists source pages (`*.txt`) of a sources folder. */
export function listSourceFiles(sourcesDir: string): string[] {
  return walkFiles(sourcesDir, { extensions: ['.txt'] });
}

/** A '/'-separated path relative to `from`, for reports and diagnostics that read the same on every OS. */
export function toPortableRelative(from: string, path: string): string {
  // The usual case, a plain path below `from` as the walks join them, is its tail: path.relative()
  // resolves both paths against the working folder, and showed in profiles at 20,000 calls a run.
  if (sep === '/' && from !== '' && path.length > from.length + 1 && path.charCodeAt(from.length) === 47 && path.startsWith(from)) {
    const tail = path.slice(from.length + 1);
    if (!DOT_OR_EMPTY_SEGMENT.test(tail)) return tail;
  }
  return relative(from, path).split(sep).join('/');
}

/** A segment that path.relative() would resolve away: empty, `.` or `..`. */
const DOT_OR_EMPTY_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;
