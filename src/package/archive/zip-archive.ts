import yazl from 'yazl';
import type { PackageFile } from '../package-input.js';
import { byPath } from '../text-bytes.js';

/**
 * A zip of files, the same bytes for the same input: entries sorted by path, one fixed time for
 * all (the document's revision time), fixed modes, no "universal timestamp" field. The DOS time
 * field is read as local time by zip tools, so it is filled from the UTC clock fields: the archive
 * does not depend on the time zone of the machine that wrote it.
 */
export function zipFiles(files: readonly PackageFile[], mtimeUtc: string): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = localFieldsOf(new Date(mtimeUtc));
  for (const file of [...files].sort(byPath)) {
    zip.addBuffer(Buffer.from(file.bytes), file.path, { mtime, mode: 0o100644, compress: true, compressionLevel: 9, forceDosTimestamp: true });
  }
  zip.end();
  return collect(zip.outputStream as unknown as AsyncIterable<Uint8Array>);
}

function localFieldsOf(utc: Date): Date {
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

/** All bytes of a stream (yazl's and tar-stream's outputs are async-iterable). */
export async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
