import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarFiles } from '../../src/package/archive/tar-archive.js';
import { streamTar } from '../../src/package/archive/tar-stream-writer.js';
import { zipFiles } from '../../src/package/archive/zip-archive.js';
import { streamZip } from '../../src/package/archive/zip-stream.js';
import type { PackageFile } from '../../src/package/package-input.js';
import { requireProgram } from '../support/programs.js';
import { unzipAll } from './saf-reader.js';

/**
 * The streamed archives (SAF's import.zip, a zipped or tarred edition bag) must be the very bytes
 * the in-memory ones give, which yazl and tar-stream write: a package is the same whichever way
 * it was made, and checksums taken before this change still hold.
 */

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const sorted = (files: PackageFile[]): PackageFile[] => [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

async function streamed(write: (sink: (b: Uint8Array) => void) => Promise<void>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await write((b) => chunks.push(Buffer.from(b)));
  return Buffer.concat(chunks);
}

const sources = (files: PackageFile[]) => sorted(files).map((f) => ({ path: f.path, read: () => f.bytes }));

const SAMPLE: PackageFile[] = [
  { path: 'item-b/contents', bytes: text('tei_x.xml\tbundle:ORIGINAL\tdescription:TEI\n') },
  { path: 'item-a/empty', bytes: new Uint8Array(0) },
  { path: 'item-a/one', bytes: text('x') },
  { path: 'item-a/noise.bin', bytes: new Uint8Array(randomBytes(200_000)) },
  { path: 'item-a/text.xml', bytes: text('<dcvalue element="title">Ein Telegramm — 电报</dcvalue>\n'.repeat(3000)) },
  { path: `item-c/${'long-name-'.repeat(12)}.txt`, bytes: text('a name longer than ustar holds\n') },
  { path: 'item-é/ü.txt', bytes: text('non-ASCII names\n') },
];

describe('archives written a file at a time', () => {
  for (const when of ['1997-03-04T05:06:07Z', '1975-01-01T00:00:00Z', '2026-12-31T23:59:59Z']) {
    it(`zip: the same bytes as zipFiles (yazl), time ${when}`, async () => {
      const whole = Buffer.from(await zipFiles(SAMPLE, when));
      const stream = await streamed((sink) => streamZip(sources(SAMPLE), when, sink));
      expect(stream.equals(whole)).toBe(true);
    });
    it(`tar: the same bytes as tarFiles (tar-stream), time ${when}`, async () => {
      const whole = Buffer.from(await tarFiles(SAMPLE, when));
      const stream = await streamed((sink) => streamTar(sources(SAMPLE), when, sink));
      expect(stream.equals(whole)).toBe(true);
    });
  }

  // yazl takes minutes for this many entries (it seeks the next entry to write from the first one
  // each time), so these are read back by two other zip readers instead: yauzl and Info-ZIP's unzip.
  it('zip with 65,535 entries or more: ZIP64 end records that two zip readers take, every entry read back', async () => {
    const many: PackageFile[] = Array.from({ length: 0xffff + 2 }, (_, i) => ({ path: `i${String(i).padStart(5, '0')}/f`, bytes: text(String(i)) }));
    const zip = await streamed((sink) => streamZip(sources(many), '2001-02-03T04:05:06Z', sink));
    const eocd = zip.subarray(zip.length - 22);
    expect(eocd.readUInt32LE(0)).toBe(0x06054b50);
    expect(eocd.readUInt16LE(10)).toBe(0xffff);
    const locator = zip.subarray(zip.length - 42, zip.length - 22);
    expect(locator.readUInt32LE(0)).toBe(0x07064b50);
    const record = zip.subarray(Number(locator.readBigUInt64LE(8)));
    expect(record.readUInt32LE(0)).toBe(0x06064b50);
    expect(record.readBigUInt64LE(32)).toBe(BigInt(many.length));
    const back = await unzipAll(zip);
    expect(back.size).toBe(many.length);
    expect(back.get('i65536/f')?.toString()).toBe('65536');
    requireProgram('unzip', 'unzip');
    const dir = mkdtempSync(join(tmpdir(), 'cablekit-zip64-'));
    try {
      writeFileSync(join(dir, 'many.zip'), zip);
      const test = spawnSync('unzip', ['-tqq', join(dir, 'many.zip')], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('an empty zip is the same too', async () => {
    const whole = Buffer.from(await zipFiles([], '2001-02-03T04:05:06Z'));
    expect((await streamed((sink) => streamZip([], '2001-02-03T04:05:06Z', sink))).equals(whole)).toBe(true);
  });
});
