import type { ArchiveReference, Cable } from '../../model/cable.js';
import { documentIdFromUrl } from '../fields/extract-urls.js';
import { idSlug } from './id-slug.js';

type IdInput = Pick<Cable, 'recordId' | 'urls' | 'archiveReferences' | 'title' | 'catalogueDate'>;

/** Hex characters of the page-text checksum appended to an id from a weak source. */
export const CONTENT_SUFFIX_LENGTH = 8;

/** Why an id carries a content suffix: written into the TEI as the id's inference reason. */
export const WEAK_ID_REASON =
  "suffix: the first 8 hex digits of the sha256 of the page's whitespace-normalised text, because a title slug or a file-level archive reference does not tell documents apart";

/** Units that name one item, not the file or collection it sits in. */
const ITEM_UNITS = new Set(['item', 'signature', 'list']);

/** A reference names one document when it gives its pages or an item-level unit; a file or collection alone does not. */
function namesItem(r: ArchiveReference): boolean {
  return r.pages !== undefined || r.units.some((u) => ITEM_UNITS.has(u.type));
}

function referenceSlug(ref: ArchiveReference): string {
  // Built from the parsed parts so a long archive name written out does not crowd out the file number.
  const parts = ref.archive !== undefined ? [ref.archive, ...ref.units.map((u) => `${u.label ?? ''} ${u.value}`), ref.pages?.verbatim ?? ''] : [ref.verbatim];
  return idSlug(parts.join(' '));
}

/**
 * The stable document id, never random and never dependent on other pages.
 * Strong sources stand alone: the record id, the numeric id of a "/document/<id>" URL, an archive
 * reference naming an item (with pages or an item unit). Weak sources — a reference naming only a
 * file or collection, a slug of title and date — are shared by different documents, so their id
 * always ends in a suffix from the page's own text (`textSha256`: of its whitespace-normalised
 * text); two different pages never meet, and adding pages never renames one.
 */
export function documentId(c: IdInput, textSha256: string): Pick<Cable, 'id' | 'idSource' | 'idInferred'> {
  if (c.recordId !== undefined) {
    const id = /^\d+$/.test(c.recordId) ? `wilson-${c.recordId}` : idSlug(`wilson-${c.recordId}`);
    if (id) return { id, idSource: 'record-id' };
  }
  for (const url of c.urls) {
    const n = documentIdFromUrl(url);
    if (n !== undefined) return { id: `wilson-${n}`, idSource: 'url' };
  }
  const archival = c.archiveReferences.filter((r) => !r.isPublication && (r.units.length > 0 || r.pages !== undefined));
  const item = archival.find(namesItem);
  if (item) {
    const id = referenceSlug(item);
    if (id) return { id, idSource: 'archive-reference' };
  }
  const suffix = textSha256.slice(0, CONTENT_SUFFIX_LENGTH);
  const file = archival[0];
  if (file) {
    const id = referenceSlug(file);
    if (id) return { id: `${id}-${suffix}`, idSource: 'archive-reference', idInferred: WEAK_ID_REASON };
  }
  const titled = idSlug([c.title ?? '', c.catalogueDate?.when ?? c.catalogueDate?.verbatim ?? ''].join(' '));
  if (titled) return { id: `${titled}-${suffix}`, idSource: 'slug', idInferred: WEAK_ID_REASON };
  return { id: `doc-${textSha256.slice(0, 16)}`, idSource: 'slug' };
}
