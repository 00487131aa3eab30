import { statSync } from 'node:fs';
import { readFileIfExists, writeIfChanged } from '../fs/index.js';

/**
 * The stamps (size, modification and change times, inode) of every folder holding an output, taken when a
 * complete build ended, in `.cablekit/output-folders.json`. A file added to a folder, removed from
 * it or renamed changes the folder's modification time, so a folder whose stamp is the recorded
 * one still holds every file the build left there: the next build need not look each one up to
 * know that a kept document's outputs are all present (190,000 lookups at 10,000 documents took
 * about a second). A folder modified within the clock's granularity of the record is not trusted
 * (as git treats "racy" index entries), nor is any folder when the file is missing or damaged:
 * such folders are listed instead.
 */

/** 2: times in milliseconds (as fractions), read without BigInt. */
const FORMAT = 2;

/** File times are coarser than the clock: a folder changed this close to the record may change again unseen. */
const SETTLE_MS = 2000;

export interface FolderStampRecord {
  /** When the stamps were taken (ns since the epoch, by the wall clock file times follow). */
  takenAtNs: bigint;
  /** By folder path relative to the output folder ('' for the output folder itself). */
  stamps: Map<string, string>;
}

/** The record, or undefined when there is none this version can read. */
export function readFolderStamps(path: string): FolderStampRecord | undefined {
  try {
    const bytes = readFileIfExists(path);
    if (bytes === undefined) return undefined;
    const data = JSON.parse(bytes.toString('utf8')) as { format?: unknown; takenAtNs?: unknown; folders?: unknown };
    if (data.format !== FORMAT || typeof data.takenAtNs !== 'string' || !/^\d+$/.test(data.takenAtNs)) return undefined;
    if (typeof data.folders !== 'object' || data.folders === null || Array.isArray(data.folders)) return undefined;
    const stamps = new Map<string, string>();
    for (const [folder, stamp] of Object.entries(data.folders as Record<string, unknown>)) if (typeof stamp === 'string') stamps.set(folder, stamp);
    return { takenAtNs: BigInt(data.takenAtNs), stamps };
  } catch {
    return undefined;
  }
}

/** True when the folder, whose stamp is now `stamp`, is as the record found it and was then settled: every file it held then is still there. */
export function folderUnchanged(record: FolderStampRecord | undefined, folder: string, stamp: string | undefined): boolean {
  const recorded = record?.stamps.get(folder);
  return record !== undefined && recorded !== undefined && stamp === recorded && settledBy(recorded, record.takenAtNs);
}

/** The folder holding a path relative to the output folder ('' for the output folder itself). */
export function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The folders (relative to the output folder) holding these outputs (paths relative to it, with '/'). */
export function foldersOf(outputs: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of outputs) folders.add(parentFolder(path));
  return folders;
}

/**
 * Records the stamps of these folders (`stampOf` gives a folder's stamp as it is now), when one
 * differs from the record: a build that changed nothing writes nothing. Folders the run wrote into
 * are recorded unsettled (their times are those of the record), so the next run lists them: a few
 * folders, where the others are trusted.
 */
export function recordFolderStamps(path: string, folders: Iterable<string>, stampOf: (folder: string) => string | undefined, last: FolderStampRecord | undefined): void {
  const takenAtNs = BigInt(Date.now()) * 1_000_000n;
  const stamps = new Map<string, string>();
  for (const folder of [...folders].sort()) {
    const stamp = stampOf(folder);
    if (stamp !== undefined) stamps.set(folder, stamp);
  }
  if (last !== undefined && sameStamps(last.stamps, stamps)) return;
  writeIfChanged(path, `${JSON.stringify({ format: FORMAT, takenAtNs: String(takenAtNs), folders: Object.fromEntries(stamps) })}\n`);
}

/**
 * Size, modification time, change time (ms, to the fraction the file system keeps) and inode. The
 * change time cannot be set back (rsync and tar restore modification times, not it), so a folder
 * whose entries changed and whose time was then restored still shows.
 */
export function folderStamp(path: string): string | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  return st === undefined ? undefined : `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/** Modified (or changed) well before the record was taken. */
function settledBy(stamp: string, takenAtNs: bigint): boolean {
  const [, mtime, ctime] = stamp.split(':');
  const takenAtMs = Number(takenAtNs / 1_000_000n);
  return [mtime, ctime].every((time) => time !== undefined && Number(time) + SETTLE_MS < takenAtMs);
}

function sameStamps(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of b) if (a.get(k) !== v) return false;
  return true;
}
