import { statSync } from 'node:fs';

/** A file modified this recently may be modified again within the clock's granularity: not stamped. */
const SETTLE_NS = 2_000_000_000n;

/**
 * Size, modification time (ns) and inode of a file: when equal to the stamp recorded with a
 * checksum, the file has not been written since and its checksum still holds (as git trusts its
 * index), so an unchanged corpus is not read again. A file modified in the last two seconds gets
 * no stamp (file times are coarser than the clock: a second write in the same tick would keep the
 * same time), nor one that cannot be stat'ed: such files are read and hashed.
 */
export function fileStamp(path: string, now: bigint = BigInt(Date.now()) * 1_000_000n): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    if (st.mtimeNs > now - SETTLE_NS) return undefined;
    return `${st.size}:${st.mtimeNs}:${st.ino}`;
  } catch {
    return undefined;
  }
}
