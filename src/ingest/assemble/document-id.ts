import type { Cable } from '../../model/cable.js';
import { documentIdFromUrl } from '../fields/extract-urls.js';
import { idSlug } from './id-slug.js';

type IdInput = Pick<Cable, 'recordId' | 'urls' | 'archiveReferences' | 'title' | 'catalogueDate'>;

/**
 * The stable document id, never random: the record id, else the numeric id of a "/document/<id>"
 * URL, else a slug of the archive reference, else of title and date, else of the file's checksum.
 */
export function documentId(c: IdInput, sha256: string): Pick<Cable, 'id' | 'idSource'> {
  if (c.recordId !== undefined) {
    const id = /^\d+$/.test(c.recordId) ? `wilson-${c.recordId}` : idSlug(`wilson-${c.recordId}`);
    if (id) return { id, idSource: 'record-id' };
  }
  for (const url of c.urls) {
    const n = documentIdFromUrl(url);
    if (n !== undefined) return { id: `wilson-${n}`, idSource: 'url' };
  }
  // Only a reference that names a unit or pages tells documents apart; an archive name alone does not.
  const ref = c.archiveReferences.find((r) => !r.isPublication && (r.units.length > 0 || r.pages !== undefined));
  if (ref) {
    // Built from the parsed parts so a long archive name written out does not crowd out the file number.
    const parts = ref.archive !== undefined ? [ref.archive, ...ref.units.map((u) => `${u.label ?? ''} ${u.value}`), ref.pages?.verbatim ?? ''] : [ref.verbatim];
    const id = idSlug(parts.join(' '));
    if (id) return { id, idSource: 'archive-reference' };
  }
  const titled = idSlug([c.title ?? '', c.catalogueDate?.when ?? c.catalogueDate?.verbatim ?? ''].join(' '));
  if (titled) return { id: titled, idSource: 'slug' };
  return { id: `doc-${sha256.slice(0, 16)}`, idSource: 'slug' };
}
