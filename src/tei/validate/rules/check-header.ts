import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import { ID } from '../../vocabulary.js';
import type { ElementIndex } from '../../xml/element-index.js';
import { attr, childElements, firstChild, isElement, textContent, type XElement } from '../../xml/xml-tree.js';

function find(elements: readonly XElement[], pred: (e: XElement) => boolean): XElement | undefined {
  return elements.find(pred);
}

function under(parent: XElement | undefined, ...path: string[]): XElement[] {
  let current = parent ? [parent] : [];
  for (const step of path) {
    const next: XElement[] = [];
    for (const e of current) for (const c of e.children) if (isElement(c) && c.name === step) next.push(c);
    current = next;
  }
  return current;
}

/**
 * The header fields a catalogue record cannot do without: title, a date, a source, the original
 * language, rights. Warnings: a page may lack them, and the TEI then says so rather than invent.
 */
export function checkRequiredHeader(tei: XElement, index: ElementIndex, bag: DiagnosticBag): void {
  const header = firstChild(tei, 'teiHeader');
  const line = { line: header?.line ?? tei.line ?? 1 };
  const title = find(under(header, 'fileDesc', 'titleStmt', 'title'), (e) => attr(e, 'type') === 'main');
  if (!title || textContent(title).trim() === '') bag.warn('tei/missing-title', 'The document has no title (titleStmt/title[@type="main"]).', title?.line ? { line: title.line } : line);
  const anyDate = find(index.named('date'), (e) => (attr(e, 'when') ?? attr(e, 'notBefore') ?? attr(e, 'notAfter')) !== undefined);
  if (!anyDate) bag.warn('tei/missing-date', 'The document has no date with an ISO value, neither in the catalogue nor in the text.', line);
  const bibl = find(under(header, 'fileDesc', 'sourceDesc', 'bibl'), (e) => attr(e, 'type') === 'digital-archive');
  const source = find(under(bibl, 'idno'), (e) => ['URI', 'record', 'archival-citation'].includes(attr(e, 'type') ?? '') && textContent(e).trim() !== '');
  if (!source) bag.warn('tei/missing-source', 'The document names no source: no URL, record id or archive reference.', line);
  const original = find(under(header, 'profileDesc', 'langUsage', 'language'), (e) => attr(e, 'xml:id') === ID.originalLanguage);
  if (!original) bag.warn('tei/missing-language', 'The language of the original is not given (langUsage/language[@xml:id="ck-lang-original"]).', line);
  const licence = under(header, 'fileDesc', 'publicationStmt', 'availability', 'licence')[0];
  if (!licence || childElements(licence, 'p').every((p) => textContent(p).trim() === '')) {
    bag.warn('tei/missing-rights', 'No rights statement of the source (availability/licence/p).', licence?.line ? { line: licence.line } : line);
  }
}
