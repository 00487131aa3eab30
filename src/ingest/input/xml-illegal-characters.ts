import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';

/**
 * Characters XML 1.0 cannot hold, not even as a character reference: C0 controls other than tab,
 * LF and CR, U+FFFE, U+FFFF, and UTF-16 surrogates without their pair. (NUL never gets here: a
 * page with a NUL byte is refused as binary.)
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'g');

/** How many are reported one by one; the rest are counted in one summary line. */
const REPORTED = 10;

/**
 * The documented stand-in for a character XML cannot hold: a C0 control becomes its Unicode
 * "control picture" (U+0001 → U+2401 ␁), anything else U+FFFD. The code point itself is kept in
 * the diagnostic, so nothing is lost from the record of what the page held.
 */
export function xmlStandIn(ch: string): string {
  const cp = ch.charCodeAt(0);
  return cp < 0x20 ? String.fromCharCode(0x2400 + cp) : '\uFFFD';
}

export function hasXmlIllegalCharacter(text: string): boolean {
  return ILLEGAL.test(text);
}

function codePoint(ch: string): string {
  return 'U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** 1-based line and column (in UTF-16 units) of an offset in text whose lines end with LF. */
function positionOf(text: string, offset: number, from: { offset: number; line: number }): { line: number; column: number } {
  let line = from.line;
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = text.indexOf('\n', from.offset); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

/**
 * Replaces every character XML cannot hold by its stand-in and reports each (warning, with the
 * code point, line and column), so the TEI, DC and OAI made from the page stay well-formed.
 * Text with LF line ends; one linear pass.
 */
export function replaceXmlIllegalCharacters(text: string, bag: DiagnosticBag): string {
  if (!ILLEGAL.test(text)) return text;
  let count = 0;
  let cursor = { offset: 0, line: 1 };
  const out = text.replace(ILLEGAL_ALL, (ch: string, offset: number) => {
    count++;
    if (count <= REPORTED) {
      const at = positionOf(text, offset, cursor);
      cursor = { offset, line: at.line };
      bag.warn(
        'ingest/xml-illegal-character',
        `The page holds ${codePoint(ch)}, a character XML cannot hold; it is kept as ${codePoint(xmlStandIn(ch))} ${xmlStandIn(ch)}.`,
        { ...at, hint: 'Remove the control character from the page, or leave it: the stand-in is documented in docs/diagnostics.md.' },
      );
    }
    return xmlStandIn(ch);
  });
  if (count > REPORTED) {
    bag.warn('ingest/xml-illegal-character', `${count - REPORTED} more characters XML cannot hold were replaced the same way.`);
  }
  return out;
}
