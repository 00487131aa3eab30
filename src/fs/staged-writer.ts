import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

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
  /** Files written since the last flush. */
  readonly pending: number;
  flush(): void;
}

export function stagedWriter(stagingDir: string): StagedWriter {
  rmSync(stagingDir, { recursive: true, force: true });
  let stagingReady = false;
  let counter = 0;
  let written: string[] = [];
  return {
    get pending() {
      return written.length;
    },
    write(path, content) {
      mkdirSync(dirname(path), { recursive: true });
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
      for (const path of written) {
        try {
          const dev = statSync(path).dev;
          if (!byDevice.has(dev)) byDevice.set(dev, dirname(path));
        } catch {
          // Removed since (a stale output): nothing to flush.
        }
      }
      const synced = spawnSync('sync', ['-f', ...byDevice.values()], { stdio: 'ignore' });
      if (synced.status !== 0) written.forEach(fsyncFile);
      written = [];
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
