import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { readFileIfExists } from '../../fs/index.js';
import type { Package } from '../../package/package-entry.js';
import type { PackageFile } from '../../package/package-input.js';
import { isContainedPath } from '../../package/safe-name.js';

/**
 * Writing packages so that a kill never leaves half of one where a whole one is expected: a
 * package folder is written complete in `<out>/.cablekit-tmp/`, then renamed into place (the old
 * one moved aside first); single-file packages are written the same way. Unchanged packages are
 * not touched. A run that was killed between the two renames is repaired by the next one
 * (`startPackageRun`).
 *
 * One writer per thread: a run's worker threads each write their documents' packages through a
 * writer of their own, into the same temporary area, under names that hold the thread's id.
 *
 * The file-system calls are synchronous and as few as a package needs: one mkdir per folder, one
 * open-write-close per file, one rename. Through the promise API every file cost several trips to
 * libuv's threads and their promises, more CPU than the kernel's own work on small files. No file
 * is flushed: a package becomes visible only by its rename, whole or not at all.
 */
export class PackageWriter {
  private readonly tmp: string;
  private readonly fresh: string;
  private readonly parked: string;
  private counter = 0;
  /** Folders of the output known to exist: thousands of packages share a few parents (ocfl/abc/def/…). */
  private readonly madeDirs = new Set<string>();
  written = 0;
  unchanged = 0;

  /** `existed`: per format, whether its folder was there when the run began (if not, no package needs comparing). */
  constructor(
    private readonly outDir: string,
    private readonly existed: Readonly<Record<string, boolean>>,
  ) {
    this.tmp = tmpArea(outDir);
    this.fresh = join(this.tmp, 'new');
    this.parked = join(this.tmp, 'old');
  }

  /** Writes one package under `<out>/<format>/`. */
  writePackage(format: string, pkg: Package): void {
    const target = this.target(format, pkg.path);
    if (pkg.single) {
      if (this.replaceFile(format, target, (pkg.files[0] as PackageFile).bytes)) this.written += 1;
      else this.unchanged += 1;
      return;
    }
    for (const f of pkg.files) if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
    if (this.formatExisted(format) && sameFolder(target, pkg.files)) {
      this.unchanged += 1;
      return;
    }
    const fresh = this.freshPath();
    writeTree(fresh, pkg.files);
    this.swapIn(fresh, target);
    this.written += 1;
  }

  /** Adds files to a folder that may already exist (an OCFL object): a copy is changed, then swapped in. */
  extendFolder(format: string, path: string, files: readonly PackageFile[]): void {
    const target = this.target(format, path);
    for (const f of files) if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
    const fresh = this.freshPath();
    // Asked even in a format folder new to this run: two TEI files with one id extend one object.
    if (existsSync(target)) {
      cpSync(target, fresh, { recursive: true });
      writeTree(fresh, files, true);
    } else {
      writeTree(fresh, files);
    }
    this.swapIn(fresh, target);
    this.written += 1;
  }

  /**
   * Writes a document's files into a folder of the temporary area shared by the run's threads
   * (`area`), under `under`, which is emptied first: of two documents with one name, only the
   * later's files stay.
   */
  stage(area: string, under: string, files: readonly PackageFile[]): void {
    for (const f of files) if (!isContainedPath(f.path) || !f.path.startsWith(`${under}/`)) throw new Error(`staged file path "${f.path}" is not a plain relative path under ${under}`);
    const root = this.staged(area);
    const own = join(root, ...under.split('/'));
    if (existsSync(own)) rmSync(own, { recursive: true, force: true });
    for (const f of files) {
      const path = join(root, ...f.path.split('/'));
      this.ensureDir(dirname(path));
      writeFileSync(path, f.bytes);
    }
  }

  /** A folder of the temporary area where threads stage files (`stage`). */
  staged(area: string): string {
    if (!isContainedPath(area)) throw new Error(`staging area "${area}" is not a plain relative path`);
    return join(this.tmp, 'staged', area);
  }

  /** Puts a folder made in the temporary area in place as a package, unless the same files are there already. */
  placeFolder(format: string, path: string, made: string): void {
    const target = this.target(format, path);
    if (this.formatExisted(format) && sameTree(made, target)) {
      this.unchanged += 1;
      return;
    }
    this.swapIn(made, target);
    this.written += 1;
  }

  /** Puts a file made in the temporary area (`freshPath`) in place as a single-file package, unless the same bytes are there already. */
  placeFile(format: string, path: string, made: string): void {
    const target = this.target(format, path);
    if (this.formatExisted(format) && sameFile(made, target)) {
      this.unchanged += 1;
      return;
    }
    this.ensureDir(dirname(target));
    renameSync(made, target);
    this.written += 1;
  }

  /** Writes one small file if it changed (storage-root declarations). */
  writeFile(format: string, path: string, bytes: Uint8Array): void {
    this.replaceFile(format, this.target(format, path), bytes);
  }

  /**
   * A file written in the temporary area and renamed over the old one, which replaces it in one
   * step; nothing is done when the bytes are already there. Returns whether it was written.
   */
  private replaceFile(format: string, target: string, bytes: Uint8Array): boolean {
    const existing = this.formatExisted(format) ? readFileIfExists(target) : undefined;
    if (existing !== undefined && existing.equals(bytes)) return false;
    const fresh = this.freshPath();
    writeFileSync(fresh, bytes);
    this.ensureDir(dirname(target));
    renameSync(fresh, target);
    return true;
  }

  target(format: string, path: string): string {
    if (!isContainedPath(format) || !isContainedPath(path)) throw new Error(`package path "${format}/${path}" is not a plain relative path`);
    return join(this.outDir, format, ...path.split('/'));
  }

  private formatExisted(format: string): boolean {
    // A format not listed at the start is compared with what is there: slower, never wrong.
    return this.existed[format] ?? true;
  }

  /** A new name in the temporary area (not yet made; the area itself is). */
  freshPath(): string {
    if (this.counter === 0) mkdirSync(this.fresh, { recursive: true });
    this.counter += 1;
    return join(this.fresh, `${process.pid}-${threadId}-${this.counter}`);
  }

  /**
   * Renames the new folder into place. When a folder is already there it is first parked under a
   * name that says where it belongs, so that an interrupted swap can be undone, and removed only
   * when the run ends: files removed while others are created make ext4 skip the freed inodes
   * for minutes, and creating files became many times slower.
   */
  private swapIn(fresh: string, target: string): void {
    this.ensureDir(dirname(target));
    try {
      renameSync(fresh, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Anything already there (a folder, or a file where a folder belongs) is moved aside.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    }
    this.ensureDir(this.parked);
    // A monotonic time first, shared by the run's threads: one run may replace the same folder
    // twice (two TEI files with one id), and recovery puts back the latest; the thread keeps names apart.
    const parked = join(this.parked, `${process.hrtime.bigint()}-${threadId}.${Buffer.from(relative(this.outDir, target)).toString('base64url')}`);
    renameSync(target, parked);
    renameSync(fresh, target);
  }

  /**
   * Makes a folder of the output and its missing parents, each at most once a run: an OCFL object's
   * three layout folders then cost one mkdir each where they are new, and nothing where known.
   */
  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    const parent = dirname(dir);
    if (parent !== dir) this.ensureDir(parent);
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.madeDirs.add(dir);
  }
}

function tmpArea(outDir: string): string {
  return join(outDir, '.cablekit-tmp');
}

/**
 * Before a run's first write (in the run's own thread, before any worker starts): repairs what a
 * killed run left, and says which formats' folders exist already.
 */
export function startPackageRun(outDir: string, formats: readonly string[]): Record<string, boolean> {
  recoverInterrupted(tmpArea(outDir), outDir);
  return Object.fromEntries(formats.map((f) => [f, existsSync(join(outDir, f))]));
}

/** Removes the temporary folder, with the folders replaced, once every package of the run is in place. */
export function finishPackageRun(outDir: string): void {
  rmSync(tmpArea(outDir), { recursive: true, force: true });
}

/**
 * Writes files under a new folder `dir` (made here) or, with `into`, an existing one: each folder is
 * made once, parents first, then each file with one open-write-close.
 */
function writeTree(dir: string, files: readonly PackageFile[], into = false): void {
  const folders = new Set<string>();
  for (const f of files) {
    let slash = f.path.lastIndexOf('/');
    while (slash > 0) {
      const folder = f.path.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
      slash = folder.lastIndexOf('/');
    }
  }
  if (!into) mkdirSync(dir);
  // Sorted, a folder comes before the folders inside it.
  for (const folder of [...folders].sort()) {
    const path = join(dir, ...folder.split('/'));
    if (into) mkdirSync(path, { recursive: true });
    else mkdirSync(path);
  }
  for (const f of files) writeFileSync(join(dir, ...f.path.split('/')), f.bytes);
}

/**
 * Puts back a folder parked by a killed swap whose new folder never arrived (the latest parked one
 * for each place), and drops half-written ones.
 */
function recoverInterrupted(tmp: string, outDir: string): void {
  const old = join(tmp, 'old');
  if (existsSync(old)) {
    // '<n>-<thread>.<place in base64url>' ('<n>.<place>', '<place>' from earlier versions); the highest n is the latest.
    const parked = readdirSync(old)
      .map((name) => {
        const dot = name.indexOf('.');
        return { name, n: dot < 0 ? 0 : Number(name.slice(0, dot).split('-')[0]) || 0, rel: Buffer.from(name.slice(dot + 1), 'base64url').toString('utf8') };
      })
      .sort((a, b) => b.n - a.n);
    for (const { name, rel } of parked) {
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

/** Whether two folders hold the same files with the same bytes, read one file at a time. */
function sameTree(a: string, b: string): boolean {
  if (!existsSync(b) || !statSync(b).isDirectory()) return false;
  const files = listFiles(a).sort();
  const there = listFiles(b).sort();
  if (files.length !== there.length || files.some((f, i) => f !== there[i])) return false;
  return files.every((f) => sameFile(join(a, ...f.split('/')), join(b, ...f.split('/'))));
}

/** Whether two files hold the same bytes, compared a chunk at a time (an archive of the edition may be large). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(b) || !statSync(b).isFile() || statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fa, ba, 0, ba.length, null);
      const m = readSync(fb, bb, 0, bb.length, null);
      if (n !== m || !ba.subarray(0, n).equals(bb.subarray(0, m))) return false;
      if (n === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
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
