/**
 * Text and attribute escaping for hand-written XML. Records are built as strings (they are small
 * and the OAI provider must be fast), so escaping lives in one place.
 */

// Characters XML 1.0 does not allow at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that cannot appear in an XML 1.0 document, even escaped. */
export function stripNonXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeXmlText(text: string): string {
  return stripNonXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Drops the XML declaration (and anything else before the root element) so a record can be embedded. */
export function stripXmlProlog(xml: string): string {
  const match = /<[A-Za-z_]/.exec(xml);
  return match ? xml.slice(match.index) : xml;
}
