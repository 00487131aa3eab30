import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import { ID } from '../../vocabulary.js';
import { attr, childElements, firstChild, textContent, walkElements, type XElement } from '../../xml/xml-tree.js';

function find(root: XElement | undefined, pred: (e: XElement) => boolean): XElement | undefined {
  let found: XElement | undefined;
  if (root) walkElements(root, (e) => {
    if (!found && pred(e)) found = e;
  });
  return found;
}

/**
 * The header fields a catalogue record cannot do without: title, a date, a source, the original
 * language, rights. Warnings: a page may lack them, and the TEI then says so rather than invent.
 */
export function checkRequiredHeader(tei: XElement, bag: DiagnosticBag): void {
  const header = firstChild(tei, 'teiHeader');
  const line = { line: header?.line ?? tei.line ?? 1 };
  const title = find(header, (e) => e.name === 'title' && attr(e, 'type') === 'main');
  if (!title || textContent(title).trim() === '') bag.warn('tei/missing-title', 'The document has no title (titleStmt/title[@type="main"]).', title?.line ? { line: title.line } : line);
  const anyDate = find(tei, (e) => e.name === 'date' && (attr(e, 'when') ?? attr(e, 'notBefore') ?? attr(e, 'notAfter')) !== undefined);
  if (!anyDate) bag.warn('tei/missing-date', 'The document has no date with an ISO value, neither in the catalogue nor in the text.', line);
  const bibl = find(header, (e) => e.name === 'bibl' && attr(e, 'type') === 'digital-archive');
  const source = find(bibl, (e) => e.name === 'idno' && ['URI', 'record', 'archival-citation'].includes(attr(e, 'type') ?? '') && textContent(e).trim() !== '');
  if (!source) bag.warn('tei/missing-source', 'The document names no source: no URL, record id or archive reference.', line);
  const original = find(header, (e) => e.name === 'language' && attr(e, 'xml:id') === ID.originalLanguage);
  if (!original) bag.warn('tei/missing-language', 'The language of the original is not given (langUsage/language[@xml:id="ck-lang-original"]).', line);
  const licence = find(header, (e) => e.name === 'licence');
  if (!licence || childElements(licence, 'p').every((p) => textContent(p).trim() === '')) {
    bag.warn('tei/missing-rights', 'No rights statement of the source (availability/licence/p).', licence?.line ? { line: licence.line } : line);
  }
}
