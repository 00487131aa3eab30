import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * cablekit's own files: what the tool fingerprint hashes (build-keys.ts) and the seal stamps
 * (run-seal.ts). Apart from build-keys.ts so that the seal check, which runs before the pipeline
 * is loaded, does not load what the keys need (image-size and the asset readers).
 */

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The code (src/ or dist/, whichever runs). */
const CODE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The package data the stages read. */
const PACKAGE_DATA = ['assets', 'schemas', 'authority'];

/** The folders whose files make up the tool: its code, then its package data. */
export function toolRoots(): string[] {
  return [CODE_DIR, ...PACKAGE_DATA.map((d) => join(PACKAGE_ROOT, d))];
}

/** A file's name as the fingerprint records it: its path inside the package. */
export function packagePath(file: string): string {
  return file.slice(PACKAGE_ROOT.length);
}

/**
 * The files of `dir` the tool fingerprint covers, in a fixed order (no vendored official schemas,
 * dot files, maps or type declarations); with `folders`, every folder read on the way too, `dir`
 * first (a file added, removed or renamed changes its folder's time).
 */
export function codeFilesUnder(dir: string, out: string[] = [], folders?: string[]): string[] {
  let entries: Dirent[];
  folders?.push(dir);
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name === 'official' || name.startsWith('.')) continue;
    const full = join(dir, name);
    // A link is followed, as a stat of it would (the entry's own type says "link").
    const isDirectory = entry.isSymbolicLink() ? statSync(full).isDirectory() : entry.isDirectory();
    if (isDirectory) codeFilesUnder(full, out, folders);
    else if (!name.endsWith('.map') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}
