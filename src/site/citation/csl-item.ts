import type { Cable } from '../../model/cable.js';
import { archiveOf, archiveReferenceOf, authorsOf, catalogueIso, textLanguage, titleOf, translatorsOf } from '../document-facts.js';
import type { SiteSettings } from '../site-settings.js';
import { documentPageUrl } from '../site-urls.js';

/** A CSL-JSON item (the subset the site writes); reference managers import it as it is. */
export interface CslItem {
  id: string;
  type: 'manuscript';
  title: string;
  author?: { literal: string }[];
  translator?: { literal: string }[];
  issued?: { 'date-parts': number[][] } | { literal: string };
  genre?: string;
  archive?: string;
  archive_location?: string;
  'container-title': string;
  publisher: string;
  URL: string;
  language: string;
  note?: string;
}

/** "1965-12-24" → [[1965, 12, 24]]; a date without an ISO value keeps its words. */
function issued(cable: Cable): CslItem['issued'] | undefined {
  const iso = catalogueIso(cable);
  const parts = iso?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (parts) return { 'date-parts': [parts.slice(1).filter((p) => p !== undefined).map(Number)] };
  return cable.catalogueDate ? { literal: cable.catalogueDate.verbatim } : undefined;
}

/**
 * The cable as an archival manuscript: its senders as authors (names are kept whole, as
 * literals, because the model does not split given and family names), the catalogue date, the
 * archive and reference, the translators, and the edition's page as URL.
 */
export function cslItem(cable: Cable, settings: SiteSettings): CslItem {
  const item: CslItem = {
    id: cable.id,
    type: 'manuscript',
    title: titleOf(cable),
    'container-title': settings.collectionName,
    publisher: settings.publisher,
    URL: documentPageUrl(settings, cable.id),
    language: textLanguage(cable),
  };
  const authors = authorsOf(cable);
  if (authors.length > 0) item.author = authors.map((literal) => ({ literal }));
  const translators = translatorsOf(cable);
  if (translators.length > 0) item.translator = translators.map((literal) => ({ literal }));
  const date = issued(cable);
  if (date) item.issued = date;
  if (cable.documentType !== undefined) item.genre = cable.documentType;
  const archive = archiveOf(cable);
  if (archive !== undefined) item.archive = archive;
  const reference = archiveReferenceOf(cable);
  if (reference !== undefined) item.archive_location = reference;
  // BibTeX and RIS have no archive fields: the note carries the reference and the translators there.
  const note = [[reference, archive].filter((p) => p !== undefined).join(', '), translators.length > 0 ? `translated by ${translators.join(' and ')}` : '']
    .filter((p) => p !== '')
    .join('; ');
  if (note !== '') item.note = note;
  return item;
}
