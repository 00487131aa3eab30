/**
 * One OAI-PMH response is one XML document, so the TEI records of a ListRecords page share one ID
 * space: every TEI file of the edition declares `ck-resp-1`, `ck-encoder`, … and libxml2 (lxml,
 * pyoai, xmllint) rejects the page for duplicate `xml:id`s. The disseminated copy of a TEI record
 * therefore prefixes each of its ids with the record's id (`wilson-118686.ck-resp-1`), and every
 * same-document reference to one (`#ck-resp-1` in `resp`, `ref`, `who`, `target`, …) with it.
 * The root's id, when it is the record's id, is already unique and stays. The TEI files themselves
 * are not changed. Documented in docs/oai.md.
 */

// Markup that is not a start tag is matched first so nothing inside a comment, CDATA section,
// processing instruction or doctype is taken for an attribute.
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<([A-Za-z_][^\s/>]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*\/?>)/g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;

/** The prefix for a record's ids: an NCName start even when the record id begins with a digit. */
export function idPrefix(recordId: string): string {
  return `${/^[A-Za-z_]/.test(recordId) ? '' : '_'}${recordId}.`;
}

function eachStartTag(xml: string, visit: (attributes: string) => string): string {
  return xml.replace(MARKUP, (whole: string, name: string | undefined, attributes: string | undefined, end: string | undefined) =>
    name === undefined ? whole : `<${name}${visit(attributes ?? '')}${end ?? '>'}`,
  );
}

export function scopeTeiIds(xml: string, recordId: string): string {
  const ids = new Set<string>();
  eachStartTag(xml, (attributes) => {
    for (const m of attributes.matchAll(ATTRIBUTE)) if (m[2] === 'xml:id') ids.add(m[4] ?? m[5] ?? '');
    return attributes;
  });
  ids.delete(recordId);
  ids.delete('');
  if (ids.size === 0) return xml;
  const prefix = idPrefix(recordId);
  return eachStartTag(xml, (attributes) =>
    attributes.replace(ATTRIBUTE, (whole: string, space: string, name: string, eq: string, dq: string | undefined, sq: string | undefined) => {
      const value = dq ?? sq ?? '';
      const quote = dq !== undefined ? '"' : "'";
      let next: string;
      if (name === 'xml:id') next = ids.has(value) ? prefix + value : value;
      else if (!value.includes('#')) return whole;
      else next = value.replace(/(^|\s)#([^\s#]+)(?=\s|$)/g, (ref: string, lead: string, id: string) => (ids.has(id) ? `${lead}#${prefix}${id}` : ref));
      return `${space}${name}${eq}${quote}${next}${quote}`;
    }),
  );
}
