import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { writeIfChanged } from '../../fs/index.js';
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

  /** Writes one package under `<out>/<format>/`. */
  writePackage(format: string, pkg: Package): void {
    const target = this.target(format, pkg.path);
    if (pkg.single) {
      const file = pkg.files[0] as PackageFile;
      if (writeIfChanged(target, file.bytes) === 'written') this.written += 1;
      else this.unchanged += 1;
      return;
    }
    for (const f of pkg.files) if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
    if (sameFolder(target, pkg.files)) {
      this.unchanged += 1;
      return;
    }
    const fresh = this.freshDir();
    for (const f of pkg.files) {
      mkdirSync(dirname(join(fresh, f.path)), { recursive: true });
      writeFileSync(join(fresh, f.path), f.bytes);
    }
    this.swapIn(fresh, target);
    this.written += 1;
  }

  /** Adds files to a folder that may already exist (an OCFL object): a copy is changed, then swapped in. */
  extendFolder(format: string, path: string, files: readonly PackageFile[]): void {
    const target = this.target(format, path);
    const fresh = this.freshDir();
    if (existsSync(target)) cpSync(target, fresh, { recursive: true });
    else mkdirSync(fresh, { recursive: true });
    for (const f of files) {
      if (!isContainedPath(f.path)) throw new Error(`package file path "${f.path}" is not a plain relative path`);
      mkdirSync(dirname(join(fresh, f.path)), { recursive: true });
      writeFileSync(join(fresh, f.path), f.bytes);
    }
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

  private freshDir(): string {
    this.counter += 1;
    const dir = join(this.tmp, 'new', `${process.pid}-${this.counter}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    return dir;
  }

  /** The old folder is parked under a name that says where it belongs, so an interrupted swap can be undone. */
  private swapIn(fresh: string, target: string): void {
    mkdirSync(dirname(target), { recursive: true });
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

  /** Removes the temporary folder once every package is in place. */
  finish(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
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
