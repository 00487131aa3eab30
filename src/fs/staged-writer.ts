import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { sha256Hex } from './sha256.js';

/**
 * Writes many files for one run, each atomically, with one flush at the end instead of an fsync
 * per file (an fsync per file made a cold build wait on the disk for over half its time).
 *
 * Each file's bytes go to a temporary file in `stagingDir` and are renamed over the target, so a
 * build killed at any moment leaves every file whole (old or new bytes) and no temporary file in
 * the published folders; the next run clears `stagingDir`. `flush()` makes what was written durable
 * against a power loss: one `sync -f` per file system, or an fsync of each written file where that
 * command is missing. A kill (SIGKILL) loses nothing either way: the kernel holds the data.
 */
export interface StagedWriter {
  write(path: string, content: string | Uint8Array): void;
  /**
   * The same, done by the I/O threads while the caller goes on (a build writes many small files;
   * one at a time, the disk's latency would be the build's pace). Unchanged bytes are not
   * rewritten: resolves to 'unchanged' or 'written', rejects when the file could not be written.
   */
  writeIfChangedLater(path: string, content: string | Uint8Array, edits?: EditCheck): Promise<'written' | 'unchanged'>;
  /** Writes issued and not finished yet. */
  readonly inFlight: number;
  /** Resolves when every write issued so far has finished (failed ones included). */
  drain(): Promise<void>;
  /** Files written since the last flush. */
  readonly pending: number;
  flush(): void;
}

/** What the file should hold if nobody touched it since it was last written, and whom to tell if it does not. */
export interface EditCheck {
  recordedSha256: string;
  /** Called when the bytes replaced were not those recorded (the file was changed by hand). */
  onEdited: () => void;
}

export function stagedWriter(stagingDir: string): StagedWriter {
  rmSync(stagingDir, { recursive: true, force: true });
  let stagingReady = false;
  let counter = 0;
  let written: string[] = [];
  // Folders made this run: one mkdir per folder, not one per file.
  const folders = new Set<string>();
  const folderPromises = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<unknown>>();
  const ensureFolder = (folder: string): Promise<unknown> => {
    let made = folderPromises.get(folder);
    if (made === undefined) {
      made = mkdir(folder, { recursive: true });
      folderPromises.set(folder, made);
    }
    return made;
  };
  const stagingFolder = (): Promise<unknown> => ensureFolder(stagingDir);
  const later = async (path: string, bytes: Buffer, edits?: EditCheck): Promise<'written' | 'unchanged'> => {
    let existing: Buffer | undefined;
    try {
      existing = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (existing !== undefined && existing.equals(bytes)) return 'unchanged';
    const edited = existing !== undefined && edits !== undefined && sha256Hex(existing) !== edits.recordedSha256;
    await Promise.all([ensureFolder(dirname(path)), stagingFolder()]);
    const temp = join(stagingDir, `${process.pid}-${counter++}`);
    await writeFile(temp, bytes);
    try {
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      writeFileAtomic(path, bytes);
    }
    written.push(path);
    if (edited) edits.onEdited();
    return 'written';
  };
  return {
    get inFlight() {
      return inFlight.size;
    },
    writeIfChangedLater(path, content, edits) {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      const done = later(path, bytes, edits);
      const tracked: Promise<unknown> = done.then(
        () => inFlight.delete(tracked),
        () => inFlight.delete(tracked),
      );
      inFlight.add(tracked);
      return done;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    get pending() {
      return written.length;
    },
    write(path, content) {
      const folder = dirname(path);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      if (!stagingReady) {
        mkdirSync(stagingDir, { recursive: true });
        stagingReady = true;
      }
      const temp = join(stagingDir, `${process.pid}-${counter++}`);
      writeFileSync(temp, content);
      try {
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        // Another file system than the staging folder's: a temporary file beside the target.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        writeFileAtomic(path, content);
      }
      written.push(path);
    },
    flush() {
      if (written.length === 0) return;
      // One folder per file system the run wrote to: `sync -f` flushes that whole file system.
      const byDevice = new Map<number, string>();
      for (const folder of new Set(written.map((path) => dirname(path)))) {
        try {
          const dev = statSync(folder).dev;
          if (!byDevice.has(dev)) byDevice.set(dev, folder);
        } catch {
          // Removed since (a stale output): nothing to flush.
        }
      }
      const synced = spawnSync('sync', ['-f', ...byDevice.values()], { stdio: 'ignore' });
      if (synced.status !== 0) written.forEach(fsyncFile);
      written = [];
      folders.clear();
      folderPromises.clear();
      rmSync(stagingDir, { recursive: true, force: true });
      stagingReady = false;
    },
  };
}

function fsyncFile(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Removed since (a stale output): nothing to flush.
  }
}
