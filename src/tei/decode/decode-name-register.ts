import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { authorityFromUri, locateProblems, parseRegisterJson, type NameRegister, type RegisterProblem } from '../../names/index.js';
import { guardXmlInput, positionAt } from '../xml/guard-input.js';
import { parseXmlTree } from '../xml/parse-xml.js';
import { path } from '../xml/select.js';
import { attr, childElements, isElement, textContent, type XElement } from '../xml/xml-tree.js';

const LISTS: Record<string, { entry: string; name: string; kind: 'person' | 'org' | 'place' }> = {
  listPerson: { entry: 'person', name: 'persName', kind: 'person' },
  listOrg: { entry: 'org', name: 'orgName', kind: 'org' },
  listPlace: { entry: 'place', name: 'placeName', kind: 'place' },
};
const ENTRY_NAMES = new Set(Object.values(LISTS).map((l) => l.entry));
const SCHEMES = ['wikidata', 'viaf', 'gnd', 'geonames'];

/** Register entries of a TEI list, in document order, with the list that holds each. */
function listEntries(root: XElement): { entry: XElement; list: (typeof LISTS)[string] }[] {
  const out: { entry: XElement; list: (typeof LISTS)[string] }[] = [];
  const visit = (e: XElement): void => {
    const list = LISTS[e.name];
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (list && c.name === list.entry) out.push({ entry: c, list });
      else visit(c);
    }
  };
  visit(root);
  return out;
}

/**
 * Document-order index of every person/org/place start tag → its line. The parsed tree keeps no
 * positions, but a pre-order walk meets elements in the order their start tags appear.
 */
function entryLines(xml: string, root: XElement): Map<XElement, number> {
  // Comments and CDATA could hold a "<person": blank them out, keeping line breaks.
  const text = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const starts = [...text.matchAll(/<(person|org|place)(?=[\s/>])/g)].map((m) => positionAt(text, m.index).line);
  const lines = new Map<XElement, number>();
  let k = 0;
  const visit = (e: XElement): void => {
    if (ENTRY_NAMES.has(e.name)) lines.set(e, starts[k++] ?? 0);
    for (const c of e.children) if (isElement(c)) visit(c);
  };
  visit(root);
  return lines;
}

/** One TEI entry in the shape parseRegisterJson reads. */
function asJsonEntry(e: XElement, list: (typeof LISTS)[string]): Record<string, unknown> {
  const names = childElements(e, list.name).map((n) => textContent(n).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const authority: Record<string, string> = {};
  for (const idno of childElements(e, 'idno')) {
    const value = textContent(idno).trim();
    const type = (attr(idno, 'subtype') && attr(idno, 'type') === 'URI' ? attr(idno, 'subtype') : attr(idno, 'type'))?.toLowerCase();
    const fromUri = authorityFromUri(value);
    if (fromUri) authority[fromUri.scheme] = fromUri.id;
    else if (type !== undefined && SCHEMES.includes(type)) authority[type] = value;
  }
  const xmlId = attr(e, 'xml:id');
  const checked = childElements(e, 'note').find((n) => attr(n, 'type') === 'checked');
  const out: Record<string, unknown> = {
    key: xmlId?.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, ''),
    kind: list.kind,
    name: names[0],
    variants: names.slice(1),
    authority,
    checked: checked ? textContent(checked).trim() : undefined,
  };
  const geo = path(e, 'location', 'geo');
  if (geo) {
    const [lat, lon] = textContent(geo).trim().split(/[\s,]+/).map(Number);
    out.coordinates = { lat, lon };
  }
  return out;
}

/**
 * Reads an editor's register written in TEI: `listPerson`/`listOrg`/`listPlace` anywhere in the
 * file, each entry with `xml:id` (the key), its names (the first is the preferred one), `idno`
 * (an authority URI, or a bare id with `type` wikidata/viaf/gnd/geonames), for places
 * `location/geo` ("lat lon"), and `note type="checked"` saying where the facts come from.
 * Pure: the caller reads the file. Problems carry the line of the entry.
 */
export function parseRegisterTei(xml: string): { register: NameRegister; problems: RegisterProblem[] } {
  const empty: NameRegister = { origin: 'edition', entries: [], ambiguous: [], unlinked: [] };
  const bag = new DiagnosticBag();
  const root = guardXmlInput(xml, bag) ? parseXmlTree(xml, bag) : undefined;
  if (!root) return { register: empty, problems: bag.items.map((d) => ({ message: d.message, ...(d.line !== undefined ? { line: d.line } : {}) })) };
  const found = listEntries(root);
  if (found.length === 0) return { register: empty, problems: [{ message: 'the file holds no listPerson, listOrg or listPlace with entries.', line: 1 }] };
  const lines = entryLines(xml, root);
  const { register, problems } = parseRegisterJson({ entries: found.map((f) => asJsonEntry(f.entry, f.list)) }, 'edition');
  return { register, problems: locateProblems(problems, found.map((f) => lines.get(f.entry) ?? 0)) };
}
