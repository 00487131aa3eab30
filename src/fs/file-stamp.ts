import { statSync } from 'node:fs';

/** File times are coarser than the clock: a file written this close before a stamp was kept may change unseen. */
const SETTLE_NS = 2_000_000_000n;

/**
 * Size, modification time (ns) and inode of a file: when equal to the stamp recorded with a
 * checksum, the file has not been written since and its checksum still holds (as git trusts its
 * index), so an unchanged corpus is not read again. Undefined when the file cannot be stat'ed.
 */
export function fileStamp(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.size}:${st.mtimeNs}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether a stamp equal to the one recorded may be trusted without reading the file: only when
 * the file was last modified well before the record was written (`recordedAtNs`). A file modified
 * within the clock's granularity of the record ("racy", as git calls it) could have been written
 * again in the same tick with the same size: it is read and hashed instead — and when its bytes
 * are the same, nothing needs recording anew.
 */
export function stampTrusted(stamp: string | undefined, recorded: string | undefined, recordedAtNs: bigint | undefined): boolean {
  if (stamp === undefined || stamp !== recorded || recordedAtNs === undefined) return false;
  const mtime = stamp.split(':')[1];
  if (mtime === undefined || !/^\d+$/.test(mtime)) return false;
  return BigInt(mtime) + SETTLE_NS < recordedAtNs;
}
