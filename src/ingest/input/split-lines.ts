import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { SourceLine } from '../source-lines.js';
import { replaceXmlIllegalCharacters } from './xml-illegal-characters.js';

/** 1-based line of the line that ends with the character at `index` (any of LF, CR, CRLF ends a line). */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Text → numbered lines. Strips a BOM and normalises CRLF / CR to LF, saying so (info): the
 * text is unchanged for a reader, but a checksum or a diff of the source would show it.
 * Characters XML cannot hold are replaced by documented stand-ins (warning, with the code point).
 */
export function splitLines(text: string, bag: DiagnosticBag): SourceLine[] {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) {
    t = t.slice(1);
    bag.info('ingest/bom-stripped', 'The file starts with a byte-order mark; it was removed.', { line: 1, column: 1 });
  }
  const firstCr = t.indexOf('\r');
  // Most files end their lines with LF alone: without a CR there is nothing more to look for.
  if (firstCr >= 0) t = normaliseLineEnds(t, firstCr, bag);
  // Every format made from the page is XML: characters XML cannot hold get their stand-ins here, once.
  t = replaceXmlIllegalCharacters(t, bag);
  return numberedLines(t);
}

/**
 * The text cut at each LF into numbered lines, in one pass (no array of parts to map). A final
 * newline ends the last line; it does not start a new, empty one, unless it is the whole text.
 */
function numberedLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines.push({ text: text.slice(start, end), line: lines.length + 1 });
    start = end + 1;
  }
  if (start < text.length || lines.length === 0) lines.push({ text: text.slice(start), line: lines.length + 1 });
  return lines;
}

/** CRLF and lone CR → LF, reported once with the line of the first CR. */
function normaliseLineEnds(text: string, firstCr: number, bag: DiagnosticBag): string {
  let t = text;
  const crlf = t.indexOf('\r\n');
  if (crlf >= 0) t = t.replace(/\r\n/g, '\n');
  const cr = t.indexOf('\r');
  if (cr >= 0) t = t.replace(/\r/g, '\n');
  const kind = crlf >= 0 && cr >= 0 ? 'CRLF and CR' : crlf >= 0 ? 'CRLF' : 'CR';
  bag.info('ingest/line-endings-normalised', `The file uses ${kind} line ends; they were read as LF.`, {
    hint: 'Nothing to do; save with LF line ends to silence this.',
    line: lineOf(t, firstCr),
    column: 1,
  });
  return t;
}
