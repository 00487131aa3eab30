import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { bytePosition } from '../../ingest/input/byte-position.js';
import { findInvalidUtf8 } from '../../ingest/input/find-invalid-utf8.js';
import { DEFAULT_LIMITS } from './guard-input.js';

/** Largest TEI file read at all, in bytes; checked on the file's size before it is read. */
export const MAX_TEI_BYTES = DEFAULT_LIMITS.maxChars;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const HINT = 'Save the file as UTF-8 (and declare encoding="UTF-8", or no encoding, in the XML declaration).';

/** The encoding the first bytes show, when it is not UTF-8: byte order marks and "<?" in other encodings. */
function foreignEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian)';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32 (little-endian)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'UTF-16 (big-endian)';
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'UTF-16 (little-endian)';
  if (b[0] === 0x4c && b[1] === 0x6f && b[2] === 0xa7 && b[3] === 0x94) return 'EBCDIC';
  return undefined;
}

/**
 * TEI bytes → text, strictly: only UTF-8 is TEI here. A file in UTF-16, UTF-32 or EBCDIC, or with
 * bytes that are not UTF-8, is an error with its position, never text with U+FFFD in it.
 */
export function teiTextFromBytes(bytes: Uint8Array, bag: DiagnosticBag): string | undefined {
  const foreign = foreignEncoding(bytes);
  if (foreign !== undefined) {
    bag.error('tei/not-utf8', `The file is in ${foreign}; cablekit reads TEI only as UTF-8.`, { line: 1, column: 1, hint: HINT });
    return undefined;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    // Only says that the bytes are bad: find where, for the message.
  }
  const bad = findInvalidUtf8(bytes);
  const at = bad >= 0 ? bytePosition(bytes, bad) : { line: 1, column: 1 };
  const what = bad >= 0 ? `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}` : 'a byte sequence';
  bag.error('tei/invalid-utf8', `The file is not valid UTF-8: ${what}.`, { ...at, hint: HINT });
  return undefined;
}

/** The refusal of a TEI file too large to read, from its size alone. */
export function reportTeiTooLarge(size: number, bag: DiagnosticBag, maxBytes = MAX_TEI_BYTES): void {
  bag.error('tei/too-large', `The file is ${size} bytes, more than the limit of ${maxBytes}; it was not read.`, {
    line: 1,
    column: 1,
    hint: 'A cable TEI file is a few hundred kilobytes; check that this is the right file.',
  });
}
