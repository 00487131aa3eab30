import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { bytePosition } from './byte-position.js';
import { findInvalidUtf8 } from './find-invalid-utf8.js';
import { MAX_PAGE_BYTES } from './limits.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → text, or undefined with an error in the bag. Checks run cheapest first and each one
 * says where the problem is, so a 10 MB file is refused before any scanning.
 */
export function decodePage(bytes: Uint8Array, bag: DiagnosticBag): string | undefined {
  if (bytes.length > MAX_PAGE_BYTES) {
    bag.error('ingest/file-too-large', `The file is ${bytes.length} bytes, above the ${MAX_PAGE_BYTES}-byte limit for one archive page.`, {
      hint: 'Split it into one file per document page, or check that it really is a page of the archive.',
      line: 1,
      column: 1,
    });
    return undefined;
  }
  if (bytes.length === 0) {
    bag.error('ingest/empty-file', 'The file is empty.', { hint: 'Save the page text again; an empty file has nothing to ingest.', line: 1, column: 1 });
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    bag.error('ingest/binary-file', `The file holds a NUL byte at offset ${nul}: it is binary, not page text.`, {
      hint: 'Give ingest the text of the page (saved as UTF-8 .txt), not a PDF, image or word-processor file.',
      ...bytePosition(bytes, nul),
    });
    return undefined;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    // The decoder says only that the bytes are bad; find where, for the message.
  }
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) {
    bag.error('ingest/invalid-utf8', `The file is not valid UTF-8: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}.`, {
      hint: 'Re-save the page as UTF-8 (it may be Latin-1 or Windows-1252).',
      ...bytePosition(bytes, bad),
    });
    return undefined;
  }
  // The decoder refused bytes the validator accepts: trust the decoder, report the file as invalid.
  bag.error('ingest/invalid-utf8', 'The file is not valid UTF-8.', { hint: 'Re-save the page as UTF-8.', line: 1, column: 1 });
  return undefined;
}
