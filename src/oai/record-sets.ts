import type { Cable } from '../model/index.js';
import type { OaiSet } from './oai-record.js';
import { slugify } from '../text/slugify.js';

/** The top-level sets; every record set is a child of one ("archive:prc-fma" is in "archive"). */
export const PARENT_SETS: readonly OaiSet[] = [
  { spec: 'archive', name: 'By archive' },
  { spec: 'type', name: 'By document type' },
  { spec: 'year', name: 'By year of the document' },
];

/** The sets of a cable, from what the TEI says: its archives, the year of its date, its document type. */
export function setsForCable(cable: Cable): OaiSet[] {
  const sets: OaiSet[] = [];
  const add = (spec: string, name: string): void => {
    if (!sets.some((s) => s.spec === spec)) sets.push({ spec, name });
  };
  for (const ref of cable.archiveReferences) {
    const archive = ref.archive;
    const slug = archive !== undefined ? slugify(archive) : '';
    if (archive !== undefined && slug) add(`archive:${slug}`, ref.archiveName ?? archive);
  }
  const date = cable.catalogueDate;
  const year = /^(\d{4})/.exec(date?.when ?? date?.notBefore ?? '')?.[1];
  // An interval that spans years has no single year: no year set rather than a guess.
  const lastYear = /^(\d{4})/.exec(date?.when ?? date?.notAfter ?? '')?.[1];
  if (year !== undefined && year === lastYear) add(`year:${year}`, year);
  const type = cable.documentType;
  if (type !== undefined && slugify(type)) add(`type:${slugify(type)}`, type);
  return sets;
}
