import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

export type LockResult = { acquired: true; release: () => void } | { acquired: false; holderPid: number };

/** How often a claim that met only other claimants (not a holder) tries again before giving up. */
const ATTEMPTS = 40;

/** Claims this process holds, so a claim with our pid but another token is known to be a dead run's. */
const ownTokens = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** `<pid>.<token>` (a claim) or `<pid>.<token>.held` (the mark its winner adds). */
function parseClaim(name: string): { pid: number; token: string; held: boolean } | undefined {
  const m = /^(\d+)\.([0-9a-f]+)(\.held)?$/.exec(name);
  return m ? { pid: Number(m[1]), token: m[2]!, held: m[3] !== undefined } : undefined;
}

function claimLive(claim: { pid: number; token: string }): boolean {
  // A claim with our pid that this process did not make was left by an earlier process that had
  // the same pid (containers often start every run with the same one).
  if (claim.pid === process.pid) return ownTokens.has(claim.token);
  return isAlive(claim.pid);
}

/** A lock file of an older cablekit (the pid inside): refused while its process runs, else removed. */
function clearLegacyLockFile(path: string): number | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return undefined;
  let pid = Number.NaN;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    // Gone meanwhile.
  }
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return pid;
  // Empty: an older cablekit between creating it and writing its pid, unless it has been so long.
  if (!Number.isInteger(pid) && Date.now() - stat.mtimeMs < 10_000) return Number.NaN;
  rmSync(path, { force: true });
  return undefined;
}

/**
 * Takes the lock `path`, a folder of claims, so two builds of one edition never interleave their
 * writes. A process claims by creating `<pid>.<token>` (the name carries the pid, so no reader
 * ever sees a claim without it), then lists the folder: it holds the lock only if no other live
 * claim is there, else it withdraws and tries again a little later. Of two claimants at least the
 * later one sees the other (its claim exists before its own listing starts), so two can never both
 * hold it; a claim whose process has ended is removed by whoever meets it, which needs no care,
 * since an ended process never acts on its claim again.
 */
export function acquireLock(path: string): LockResult {
  const token = randomBytes(8).toString('hex');
  const claimName = `${process.pid}.${token}`;
  const claim = join(path, claimName);
  let holderPid = Number.NaN;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) sleep(5 + Math.floor(Math.random() * 30));
    const legacyHolder = clearLegacyLockFile(path);
    if (legacyHolder !== undefined) return { acquired: false, holderPid: legacyHolder };
    mkdirSync(dirname(path), { recursive: true });
    try {
      // Not recursive here: on a read-only disk that reports ENOENT instead of EROFS.
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      closeSync(openSync(claim, 'wx'));
    } catch (error) {
      // The folder was removed by a holder releasing it just now: make it again.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    ownTokens.add(token);
    let heldByOther = false;
    let others = false;
    for (const name of readdirSync(path)) {
      if (name === claimName) continue;
      const other = parseClaim(name);
      if (!other) continue;
      if (!claimLive(other)) {
        rmSync(join(path, name), { force: true });
        continue;
      }
      others = true;
      holderPid = other.pid;
      if (other.held) heldByOther = true;
    }
    if (!others) {
      // The mark only tells later claimants to give up at once; the claim itself is the lock.
      const mark = `${claim}.held`;
      closeSync(openSync(mark, 'w'));
      let released = false;
      return {
        acquired: true,
        release: () => {
          if (released) return;
          released = true;
          rmSync(mark, { force: true });
          rmSync(claim, { force: true });
          ownTokens.delete(token);
          try {
            rmdirSync(path);
          } catch {
            // Another claimant is in it: it stays.
          }
        },
      };
    }
    unlinkSync(claim);
    ownTokens.delete(token);
    if (heldByOther) break;
  }
  return { acquired: false, holderPid };
}

/**
 * Takes every lock of `paths` (in one order, so two runs wanting the same ones meet at the first
 * they share), or none: a lock held elsewhere releases those already taken.
 */
export function acquireLocks(paths: readonly string[]): LockResult & { path?: string } {
  const sorted = [...new Set(paths.map((p) => resolve(p)))].sort();
  const taken: (() => void)[] = [];
  const releaseAll = (): void => {
    for (const release of taken.reverse()) release();
  };
  for (const path of sorted) {
    const lock = acquireLock(path);
    if (!lock.acquired) {
      releaseAll();
      return { ...lock, path };
    }
    taken.push(lock.release);
  }
  return { acquired: true, release: releaseAll };
}
