import { createHash } from 'node:crypto';

/** Lowercase hex sha256 of bytes or UTF-8 text: the checksum recorded in TEI provenance and build state. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
