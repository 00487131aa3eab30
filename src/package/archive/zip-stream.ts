import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/** A file to put in an archive, read only when its turn comes. */
export interface ArchiveSource {
  path: string;
  read: () => Uint8Array;
}

/** Files deflated at once: enough to keep zlib's threads busy, few enough to hold little memory. */
const DEFLATING = 4;

const FILE_NAME_IS_UTF8 = 1 << 11;
const VERSION_NEEDED_UTF8 = 20;
const VERSION_NEEDED_ZIP64 = 45;
const VERSION_MADE_BY = (3 << 8) | 63;
const DEFLATE = 8;
const MODE = 0o100644;

interface CentralEntry {
  /**
   * Text, encoded again for the central directory: a small Buffer is a slice of an 8 KB pool
   * block, and one kept per entry held ~24 KB an entry (1.4 GB peak for SAF at 10,000 documents).
   */
  path: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * The zip `zipFiles` makes (yazl, `addBuffer` with a fixed DOS time, mode 0644 and deflate level 9),
 * written entry by entry into `sink`, in the order given, with only a few files in memory at a
 * time: for SAF's import.zip and a zipped edition bag, which hold every document. yazl keeps every
 * compressed entry until the archive ends, and seeks the next entry to write from the first one
 * each time (quadratic in the entries); this writes the same bytes
 * (tests/package/archive-stream.test.ts holds them equal to yazl's) and keeps ~100 bytes an entry
 * for the central directory.
 */
export async function streamZip(files: Iterable<ArchiveSource>, mtimeUtc: string, sink: (bytes: Uint8Array) => void): Promise<void> {
  const { date, time } = dosDateTime(new Date(mtimeUtc));
  const central: CentralEntry[] = [];
  let cursor = 0;
  const emit = (bytes: Uint8Array): void => {
    sink(bytes);
    cursor += bytes.length;
  };
  const write = (file: string, size: number, crc: number, data: Buffer): void => {
    const name = Buffer.from(file, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION_NEEDED_UTF8, 4);
    header.writeUInt16LE(FILE_NAME_IS_UTF8, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    central.push({ path: file, crc, compressed: data.length, size, offset: cursor });
    emit(header);
    emit(name);
    emit(data);
  };

  // Deflated a few ahead, written in order.
  const pending: Promise<() => void>[] = [];
  for (const file of files) {
    const { path } = file;
    const bytes = file.read();
    const crc = crc32(bytes);
    pending.push(deflated(bytes).then((data) => () => write(path, bytes.length, crc, data)));
    if (pending.length >= DEFLATING) (await (pending.shift() as Promise<() => void>))();
  }
  for (const next of pending) (await next)();

  const start = cursor;
  for (const entry of central) emit(centralRecord(entry, date, time));
  emit(endRecords(central.length, start, cursor));
}

/**
 * The DOS date and time fields from the UTC clock, as `zipFiles` fills them (yazl reads them from
 * a local date made of the UTC fields), within the years DOS can hold.
 */
function dosDateTime(utc: Date): { date: number; time: number } {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(Math.max(utc.getTime(), min), max));
  return {
    date: d.getUTCDate() | ((d.getUTCMonth() + 1) << 5) | ((d.getUTCFullYear() - 1980) << 9),
    time: Math.floor(d.getUTCSeconds() / 2) | (d.getUTCMinutes() << 5) | (d.getUTCHours() << 11),
  };
}

/**
 * Below this size a file is deflated on the spot: a trip to zlib's thread pool cost five times the
 * deflating of a small file (65,537 entries of a few bytes: 11.8 s through the pool, 2.3 s here).
 * The same zlib with the same settings either way, so the same bytes.
 */
const DEFLATE_IN_POOL_FROM = 64 * 1024;

function deflated(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.length < DEFLATE_IN_POOL_FROM) return Promise.resolve(deflateRawSync(bytes, { level: 9 }));
  return new Promise((resolve, reject) => {
    deflateRaw(bytes, { level: 9 }, (error, out) => (error ? reject(error) : resolve(out)));
  });
}

function centralRecord(entry: CentralEntry, date: number, time: number): Buffer {
  const zip64 = entry.size > 0xfffffffe || entry.compressed > 0xfffffffe || entry.offset > 0xfffffffe;
  const extra = Buffer.alloc(zip64 ? 28 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(entry.size), 4);
    extra.writeBigUInt64LE(BigInt(entry.compressed), 12);
    extra.writeBigUInt64LE(BigInt(entry.offset), 20);
  }
  const fixed = Buffer.alloc(46);
  fixed.writeUInt32LE(0x02014b50, 0);
  fixed.writeUInt16LE(VERSION_MADE_BY, 4);
  fixed.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED_UTF8, 6);
  fixed.writeUInt16LE(FILE_NAME_IS_UTF8, 8);
  fixed.writeUInt16LE(DEFLATE, 10);
  fixed.writeUInt16LE(time, 12);
  fixed.writeUInt16LE(date, 14);
  fixed.writeUInt32LE(entry.crc, 16);
  fixed.writeUInt32LE(zip64 ? 0xffffffff : entry.compressed, 20);
  fixed.writeUInt32LE(zip64 ? 0xffffffff : entry.size, 24);
  const name = Buffer.from(entry.path, 'utf8');
  fixed.writeUInt16LE(name.length, 28);
  fixed.writeUInt16LE(extra.length, 30);
  fixed.writeUInt16LE(0, 32);
  fixed.writeUInt16LE(0, 34);
  fixed.writeUInt16LE(0, 36);
  fixed.writeUInt32LE((MODE << 16) >>> 0, 38);
  fixed.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
  return Buffer.concat([fixed, name, extra]);
}

/** The end of central directory record, after ZIP64's record and locator when the counts or offsets need them. */
function endRecords(entries: number, start: number, end: number): Buffer {
  const size = end - start;
  const zip64 = entries >= 0xffff || size >= 0xffffffff || start >= 0xffffffff;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries >= 0xffff ? 0xffff : entries, 8);
  eocd.writeUInt16LE(entries >= 0xffff ? 0xffff : entries, 10);
  eocd.writeUInt32LE(size >= 0xffffffff ? 0xffffffff : size, 12);
  eocd.writeUInt32LE(start >= 0xffffffff ? 0xffffffff : start, 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(start), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, eocd]);
}
