import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readFileIfExists, writeIfChanged } from '../../fs/index.js';
import { isContainedPath, type Package, type PackageFile } from '../../package/index.js';

/**
 * Writing packages so that a kill never leaves half of one where a whole one is expected: a
 * package folder is written complete in `<out>/.cablekit-tmp/`, then renamed into place (the old
 * one moved aside first and removed after); single-file packages are written atomically. Unchanged
 * packages are not touched. A run that was killed between the two renames is repaired by the next
 * one (`recoverInterrupted`).
 */
export class PackageWriter {
  private readonly tmp: string;
  private counter = 0;
  written = 0;
  unchanged = 0;

  constructor(private readonly outDir: string) {
    this.tmp = join(outDir, '.cablekit-tmp');
    recoverInterrupted(this.tmp, outDir);
  }

  /** Writes one package under `<out>/<format>/`. Several may be under way at once: each has its own temporary folder. */
  async writePackage(format: string, pkg: Package): Promise<void> {
    const target = this.target(format, pkg.path);
    if (pkg.single) {
      // Like a folder: written whole in the temporary area, then renamed over the old one. Not
      // flushed file by file (thousands of zipped bags would wait on the disk one by one), as
      // no package folder is: a kill, which the rename guards against, loses nothing unflushed.
      const bytes = (pkg.files[0] as PackageFile).bytes;
      const existing = readFileIfExists(target);
      if (existing !== undefined && existing.equals(bytes)) {
        this.unchanged += 1;
        return;
      }
      const fresh = this.freshDir();
      await writeFile(fresh, bytes);
      this.ensureDir(dirname(target));
      renameSync(fresh, target);
      this.written += 1;
      return;
    }
    for (const f of pkg.files) if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
    if (sameFolder(target, pkg.files)) {
      this.unchanged += 1;
      return;
    }
    const fresh = this.freshDir();
    mkdirSync(fresh);
    await writeFilesInto(fresh, pkg.files);
    this.swapIn(fresh, target);
    this.written += 1;
  }

  /** Adds files to a folder that may already exist (an OCFL object): a copy is changed, then swapped in. */
  async extendFolder(format: string, path: string, files: readonly PackageFile[]): Promise<void> {
    const target = this.target(format, path);
    const fresh = this.freshDir();
    for (const f of files) if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
    if (existsSync(target)) cpSync(target, fresh, { recursive: true });
    else mkdirSync(fresh);
    await writeFilesInto(fresh, files);
    this.swapIn(fresh, target);
    this.written += 1;
  }

  /** Writes one small file atomically if it changed (storage-root declarations). */
  writeFile(format: string, path: string, bytes: Uint8Array): void {
    writeIfChanged(this.target(format, path), bytes);
  }

  target(format: string, path: string): string {
    if (!isContainedPath(format) || !isContainedPath(path)) throw new Error(`package path "${format}/${path}" is not a plain relative path`);
    return join(this.outDir, format, ...path.split('/'));
  }

  /** A path for a new folder in the temporary area (not yet made; the area itself is). */
  private freshDir(): string {
    this.counter += 1;
    const area = join(this.tmp, 'new');
    if (this.counter === 1) mkdirSync(area, { recursive: true });
    const dir = join(area, `${process.pid}-${this.counter}`);
    rmSync(dir, { recursive: true, force: true });
    return dir;
  }

  /** The old folder is parked under a name that says where it belongs, so an interrupted swap can be undone. */
  private swapIn(fresh: string, target: string): void {
    this.ensureDir(dirname(target));
    if (existsSync(target)) {
      const parked = join(this.tmp, 'old', Buffer.from(relative(this.outDir, target)).toString('base64url'));
      rmSync(parked, { recursive: true, force: true });
      mkdirSync(dirname(parked), { recursive: true });
      renameSync(target, parked);
      renameSync(fresh, target);
      rmSync(parked, { recursive: true, force: true });
    } else {
      renameSync(fresh, target);
    }
  }

  /** Folders of the output known to exist: thousands of packages share a few parents (ocfl/abc/def/…). */
  private readonly madeDirs = new Set<string>();

  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  /** Removes the temporary folder once every package is in place. */
  finish(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/**
 * Writes files under a folder that exists, all at once (libuv's threads do the writing), making
 * each subfolder once rather than once per file. No file is flushed to disk one by one: the
 * package becomes visible only by the rename that follows, whole or not at all.
 */
async function writeFilesInto(dir: string, files: readonly PackageFile[]): Promise<void> {
  const parents = new Set<string>();
  const paths = files.map((f) => join(dir, ...f.path.split('/')));
  for (const path of paths) if (dirname(path) !== dir) parents.add(dirname(path));
  // Sorted, so that a folder is made before the folders inside it.
  for (const parent of [...parents].sort()) await mkdir(parent, { recursive: true });
  await Promise.all(files.map((f, i) => writeFile(paths[i] as string, f.bytes)));
}

/** Puts back a folder parked by a killed swap whose new folder never arrived, and drops half-written ones. */
function recoverInterrupted(tmp: string, outDir: string): void {
  const old = join(tmp, 'old');
  if (existsSync(old)) {
    for (const name of readdirSync(old)) {
      const rel = Buffer.from(name, 'base64url').toString('utf8');
      const target = join(outDir, rel);
      if (!rel.split(sep).includes('..') && !existsSync(target)) renameSync(join(old, name), target);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}

/** Whether a folder holds exactly these files with these bytes. */
function sameFolder(dir: string, files: readonly PackageFile[]): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  const onDisk = listFiles(dir);
  if (onDisk.length !== files.length) return false;
  const wanted = new Map(files.map((f) => [f.path, f.bytes]));
  return onDisk.every((p) => {
    const bytes = wanted.get(p);
    return bytes !== undefined && Buffer.from(bytes).equals(readFileSync(join(dir, ...p.split('/'))));
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}
