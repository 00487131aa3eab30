import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** One file of a bundle, by '/'-separated path relative to the bundle's folder. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** What publishing a bundle changed in the published folder. */
export interface BundleChanges {
  /** Files written: new, or with other bytes than the published ones. */
  written: number;
  /** Files of the published bundle the new one no longer has. */
  removed: number;
}

/** Files under `root`, by '/'-separated path relative to it, except folders `skip` holds for ('path/'). Never follows symbolic links. */
function filesUnder(root: string, skip: (path: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative(root, full).split(sep).join('/');
      if (!lstatSync(full).isDirectory()) out.push(path);
      else if (!skip(`${path}/`)) visit(full);
    }
  };
  if (existsSync(root)) visit(root);
  return out;
}

function holds(path: string, content: Uint8Array): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.size === content.byteLength && readFileSync(path).equals(content);
  } catch {
    return false;
  }
}

/** A bundle path that stays inside its folder: relative, '/'-separated, no '.' or '..' step. */
function safeBundlePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && path.split('/').every((step) => step !== '' && step !== '.' && step !== '..' && !step.includes('\\'));
}

/**
 * Makes `target` hold exactly `files`, writing only what differs. Pagefind names its index chunks
 * and fragments after their content, so re-indexing after one page changed shares nearly every
 * file with the last bundle; writing a whole new folder and removing the old one cost tens of
 * thousands of file creations and removals at 10,000 documents (on a busy disk, about 3 ms each).
 * Each file is written to `tempDir` (same file system) and renamed into place, so it is whole, old
 * or new. The `entryFiles` (which name the others) go last and stale files are removed after, so
 * a search loading meanwhile finds every file its entry names. Files for which `leave` holds (other
 * bundles published inside this one's folder) are neither written nor removed.
 */
export function publishBundle(files: readonly BundleFile[], target: string, entryFiles: readonly string[], tempDir: string, leave: (path: string) => boolean = () => false): BundleChanges {
  for (const file of files) if (!safeBundlePath(file.path)) throw new Error(`the search bundle holds a file named "${file.path}", outside its folder`);
  const entries = new Set(entryFiles);
  const order = [...files.filter((f) => !entries.has(f.path)), ...files.filter((f) => entries.has(f.path))];
  let written = 0;
  let counter = 0;
  for (const file of order) {
    const to = join(target, ...file.path.split('/'));
    if (holds(to, file.content)) continue;
    mkdirSync(dirname(to), { recursive: true });
    mkdirSync(tempDir, { recursive: true });
    // A folder where the file goes (an older layout) gives way.
    if (existsSync(to) && lstatSync(to).isDirectory()) rmSync(to, { recursive: true, force: true });
    const temp = join(tempDir, `bundle-${process.pid}-${counter++}`);
    writeFileSync(temp, file.content);
    renameSync(temp, to);
    written++;
  }
  const kept = new Set(files.map((f) => f.path));
  let removed = 0;
  for (const path of filesUnder(target, leave)) {
    if (kept.has(path) || leave(path)) continue;
    const full = join(target, ...path.split('/'));
    rmSync(full, { force: true });
    removed++;
    removeEmptyFolders(dirname(full), target);
  }
  return { written, removed };
}

function removeEmptyFolders(dir: string, stopAt: string): void {
  let current = dir;
  while (current.startsWith(stopAt + sep) && readdirSync(current).length === 0) {
    rmdirSync(current);
    current = dirname(current);
  }
}
