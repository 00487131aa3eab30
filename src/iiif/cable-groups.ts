import type { Cable } from '../model/cable.js';
import type { GroupKind } from './iiif-ids.js';
import { yearOf } from './nav-date.js';
import { slugify } from '../text/slugify.js';

/** A natural group of cables: one IIIF collection each. */
export interface CableGroup {
  kind: GroupKind;
  slug: string;
  label: string;
}

/** The groups a cable belongs to: its archive, the year of its catalogue date, its document type. */
export function groupsOf(cable: Cable): CableGroup[] {
  const groups: CableGroup[] = [];
  const reference = cable.archiveReferences.find((r) => r.archive !== undefined && !r.isPublication);
  if (reference?.archive !== undefined) {
    const name = reference.archiveName ?? reference.archiveNameInferred;
    groups.push({
      kind: 'archive',
      slug: slugify(reference.archive) || 'unnamed',
      label: name !== undefined && name !== reference.archive ? `${name} (${reference.archive})` : reference.archive,
    });
  }
  const year = yearOf(cable.catalogueDate);
  if (year !== undefined) groups.push({ kind: 'year', slug: year, label: `Documents of ${year}` });
  if (cable.documentType !== undefined && cable.documentType.trim() !== '') {
    groups.push({ kind: 'type', slug: slugify(cable.documentType) || 'unnamed', label: cable.documentType });
  }
  return groups;
}
