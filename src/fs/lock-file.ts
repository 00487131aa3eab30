import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LockResult = { acquired: true; release: () => void } | { acquired: false; holderPid: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock file holding this process's id, so two builds of one edition never interleave
 * their writes. A lock left by a process that no longer runs (a crash, a kill -9) is taken over.
 */
export function acquireLock(path: string): LockResult {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      return {
        acquired: true,
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holderPid = Number.NaN;
      try {
        holderPid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      } catch {
        // Vanished between our attempt and the read: try again.
      }
      if (Number.isInteger(holderPid) && holderPid > 0 && holderPid !== process.pid && isAlive(holderPid)) {
        return { acquired: false, holderPid };
      }
      rmSync(path, { force: true });
    }
  }
  return { acquired: false, holderPid: Number.NaN };
}
