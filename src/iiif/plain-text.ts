/** Escapes text for the HTML IIIF allows in values and bodies. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A plain-text value as IIIF must carry it: a client treats any value that starts with "<" and
 * ends with ">" as HTML, so such text ("<Untitled>") is escaped inside a <span> and reads the same.
 */
export function plainTextValue(text: string): string {
  return text.startsWith('<') && text.endsWith('>') ? `<span>${escapeHtml(text)}</span>` : text;
}
