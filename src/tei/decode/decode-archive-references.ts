import type { ArchiveReference, ArchiveUnitType } from '../../model/cable.js';
import { oneOf } from '../vocabulary.js';
import { byType, path } from '../xml/select.js';
import { attr, childElements, firstChild, textContent, type XElement } from '../xml/xml-tree.js';
import { inferredFrom, localId, setIf, type DecodeContext } from './decode-context.js';

const UNIT_TYPES: readonly ArchiveUnitType[] = ['fond', 'opis', 'delo', 'list', 'file', 'folder', 'box', 'series', 'collection', 'item', 'signature', 'other'];

/** Each bibl/idno[@type='archival-citation'] with the msDesc that points to it (@corresp). */
export function decodeArchiveReferences(sourceDesc: XElement | undefined, bibl: XElement | undefined, ctx: DecodeContext): ArchiveReference[] {
  const msDescs = sourceDesc ? childElements(sourceDesc, 'msDesc') : [];
  return byType(bibl, 'idno', 'archival-citation').map((idno) => {
    const ref: ArchiveReference = { verbatim: textContent(idno), units: [] };
    const id = attr(idno, 'xml:id');
    const ms = msDescs.find((m) => id !== undefined && localId(attr(m, 'corresp')) === id);
    if (!ms) return ref;
    const ident = firstChild(ms, 'msIdentifier');
    const country = path(ident, 'country');
    const institution = path(ident, 'institution');
    const repository = path(ident, 'repository');
    const out: ArchiveReference = { verbatim: ref.verbatim, units: [] };
    setIf(out, 'archive', repository ? textContent(repository) : undefined);
    setIf(out, 'archiveName', institution ? textContent(institution) : undefined);
    setIf(out, 'archiveNameInferred', institution ? inferredFrom(ctx, institution) : undefined);
    setIf(out, 'country', country ? textContent(country) : undefined);
    setIf(out, 'countryInferred', country ? inferredFrom(ctx, country) : undefined);
    out.units = byType(ident, 'idno', 'archival').map((u) => {
      const subtype = attr(u, 'subtype');
      const unit: ArchiveReference['units'][number] = { type: oneOf(UNIT_TYPES, subtype) ? subtype : 'other', value: textContent(u) };
      const label = attr(u, 'n');
      return label !== undefined ? { type: unit.type, label, value: unit.value } : unit;
    });
    const locus = path(ms, 'msContents', 'msItem', 'locus');
    if (locus) {
      const pages: NonNullable<ArchiveReference['pages']> = { verbatim: textContent(locus), from: attr(locus, 'from') ?? '' };
      setIf(pages, 'to', attr(locus, 'to'));
      out.pages = pages;
    }
    if (attr(ms, 'type') === 'publication') out.isPublication = true;
    return out;
  });
}
