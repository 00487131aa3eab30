import type { ArchiveReference, ArchiveUnit, ArchiveUnitType } from '../../model/cable.js';
import { ARCHIVE_TABLE_REASON, KNOWN_ARCHIVES } from './archive-table.js';
import { splitTopLevel } from './split-top-level.js';

/** Unit labels of the national styles, lower-case and without a final dot. */
const UNIT_LABELS = new Map<string, ArchiveUnitType>([
  ['fond', 'fond'], ['f', 'fond'], ['fonds', 'fond'],
  ['opis', 'opis'], ['op', 'opis'],
  ['delo', 'delo'], ['d', 'delo'],
  ['list', 'list'], ['listy', 'list'], ['l', 'list'], ['ll', 'list'],
  ['file', 'file'], ['dossier', 'file'],
  ['folder', 'folder'], ['mappa', 'folder'],
  ['box', 'box'], ['doboz', 'box'], ['karton', 'box'],
  ['series', 'series'], ['serie', 'series'],
  ['collection', 'collection'],
  ['item', 'item'], ['issue', 'item'],
]);

const LABEL_FIRST = /^([A-Za-z]+)\.?\s+(\S.*)$/;
const LABEL_LAST = /^(\S+?)\.?\s+([A-Za-z]+)$/;
const PAGES = /^(?:(pp?|s)\.\s*)?(\d+[a-z]?)(?:\s*[-–]\s*(\d+[a-z]?))?$/i;
const PUBLICATION = /\b(?:Working Paper|Bulletin|Journal|Press|Publishing|Edited by|eds?\.|Vol\.|Volume)\b|["“]/;
const ACRONYM_THEN = /^([A-Z][A-Za-z-]*[A-Z][A-Za-z-]*(?:\s[A-Z]{2,})*)\s+(\S*\d\S*)$/;
const NAME_WITH_ABBR = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/;

function unitOf(part: string): ArchiveUnit {
  const first = LABEL_FIRST.exec(part);
  if (first) {
    const type = UNIT_LABELS.get(first[1]!.toLowerCase());
    if (type) return { type, label: part.slice(0, part.length - first[2]!.length).trim(), value: first[2]!.trim() };
  }
  // Hungarian style puts the number first: "4. doboz".
  const last = LABEL_LAST.exec(part);
  if (last) {
    const type = UNIT_LABELS.get(last[2]!.toLowerCase());
    if (type) return { type, label: last[2]!, value: part.slice(0, part.length - last[2]!.length).trim().replace(/\.$/, '') };
  }
  return { type: 'other', value: part };
}

/** "Archive of the Romanian Ministry of Foreign Affairs (AMAE)" / "SAPMO-BArch (Stiftung … (…))" / "PRC FMA 106-01480-05". */
function readArchive(first: string, ref: ArchiveReference): ArchiveUnit | undefined {
  const named = NAME_WITH_ABBR.exec(first);
  if (named) {
    const outside = named[1]!.trim();
    const inside = named[2]!.trim();
    // The shorter of the two is the abbreviation.
    if (/^[A-Z][A-Za-z-]*[A-Z]/.test(inside) && !inside.includes(' ')) {
      ref.archive = inside;
      if (outside) ref.archiveName = outside;
    } else {
      ref.archive = outside;
      ref.archiveName = inside;
    }
    return undefined;
  }
  const withUnit = ACRONYM_THEN.exec(first);
  if (withUnit) {
    ref.archive = withUnit[1]!;
    return { type: 'file', value: withUnit[2]! };
  }
  // "AVPRF f. 0102": the archive runs up to the first unit label or number.
  const tokens = first.split(/\s+/);
  const cut = tokens.findIndex((t, i) => i > 0 && (/\d/.test(t) || UNIT_LABELS.has(t.replace(/\.$/, '').toLowerCase())));
  if (cut > 0) {
    ref.archive = tokens.slice(0, cut).join(' ');
    const unit = unitOf(tokens.slice(cut).join(' '));
    return unit.type === 'other' ? { type: 'file', value: unit.value } : unit;
  }
  ref.archive = first;
  return undefined;
}

/**
 * One archive reference in whatever national style: the verbatim text always; the archive, its
 * units and the pages when they can be read. Unreadable parts stay as 'other' units.
 */
export function parseArchiveReference(verbatim: string): ArchiveReference {
  const text = verbatim.trim();
  const ref: ArchiveReference = { verbatim: text, units: [] };
  if (PUBLICATION.test(text) && !/\b(?:Fond|Opis|Delo)\b/.test(text)) {
    ref.isPublication = true;
    return ref;
  }
  const parts = splitTopLevel(text.replace(/\.$/, ''), ',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return ref;
  const head = readArchive(parts[0]!, ref);
  if (head) ref.units.push(head);
  const rest = parts.slice(1);
  rest.forEach((part, i) => {
    const pages = PAGES.exec(part);
    const isLast = i === rest.length - 1;
    if (pages && isLast && ref.units.length > 0) {
      ref.pages = { verbatim: part, from: pages[2]! };
      if (pages[3]) ref.pages.to = pages[3];
      return;
    }
    const unit = unitOf(part);
    ref.units.push(unit);
    // Russian "List"/"Listy" are the folios: they are the pages of the reference.
    if (unit.type === 'list' && isLast) {
      const folios = PAGES.exec(unit.value);
      if (folios) {
        ref.pages = { verbatim: unit.value, from: folios[2]! };
        if (folios[3]) ref.pages.to = folios[3];
      }
    }
  });
  if (ref.archive !== undefined) {
    const known = KNOWN_ARCHIVES.get(ref.archive);
    if (known) {
      if (ref.archiveName === undefined) {
        ref.archiveName = known.name;
        ref.archiveNameInferred = ARCHIVE_TABLE_REASON;
      }
      ref.country = known.country;
      ref.countryInferred = ARCHIVE_TABLE_REASON;
    }
  }
  return inModelOrder(ref);
}

/**
 * Same reference, keys in the model's order, so JSON output reads like the type. Optional keys are
 * assigned only when present: one object, where spreading a small object per key made nine.
 */
function inModelOrder(r: ArchiveReference): ArchiveReference {
  // `units` is assigned in its place below.
  const ordered = { verbatim: r.verbatim } as ArchiveReference;
  if (r.archive !== undefined) ordered.archive = r.archive;
  if (r.archiveName !== undefined) ordered.archiveName = r.archiveName;
  if (r.archiveNameInferred !== undefined) ordered.archiveNameInferred = r.archiveNameInferred;
  if (r.country !== undefined) ordered.country = r.country;
  if (r.countryInferred !== undefined) ordered.countryInferred = r.countryInferred;
  ordered.units = r.units;
  if (r.pages !== undefined) ordered.pages = r.pages;
  if (r.isPublication !== undefined) ordered.isPublication = r.isPublication;
  return ordered;
}

const NEXT_ARCHIVE = /^(?:[A-Z][A-Za-z-]*[A-Z]|Archives? of)\b/;

/** A reference part may name two archives, joined by ";" or "and": split them. */
export function parseArchiveReferences(text: string): ArchiveReference[] {
  const out: ArchiveReference[] = [];
  for (const semi of splitTopLevel(text, ';')) {
    const pieces = splitTopLevel(semi, ' and ');
    let current = pieces[0] ?? '';
    for (const piece of pieces.slice(1)) {
      if (NEXT_ARCHIVE.test(piece.trim())) {
        if (current.trim()) out.push(parseArchiveReference(current));
        current = piece;
      } else current += ' and ' + piece;
    }
    if (current.trim()) out.push(parseArchiveReference(current));
  }
  return out;
}
