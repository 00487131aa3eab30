import type { Cable } from '../../model/cable.js';
import { archiveOf, archiveReferenceOf, authorsOf, catalogueIso, textLanguage, titleOf, translatorsOf } from '../document-facts.js';
import { html, raw, type Html } from '../html.js';
import type { SiteSettings } from '../site-settings.js';
import { documentPageUrl, teiFileUrl } from '../site-urls.js';

/** "1965-12-24" → "1965/12/24", the form Google Scholar asks for. */
function highwireDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '/');
}

/**
 * Highwire Press `citation_*` tags: what Zotero and Google Scholar read from a page. The archive
 * reference goes in `citation_archive_id`, which Zotero maps to "Loc. in Archive".
 */
export function highwireTags(cable: Cable, settings: SiteSettings): Html {
  const tags: [string, string][] = [['citation_title', titleOf(cable)]];
  for (const a of authorsOf(cable)) tags.push(['citation_author', a]);
  const iso = catalogueIso(cable);
  if (iso !== undefined) tags.push(['citation_date', highwireDate(iso)], ['citation_publication_date', highwireDate(iso)]);
  tags.push(['citation_publisher', settings.publisher], ['citation_inbook_title', settings.collectionName]);
  const archive = archiveOf(cable);
  if (archive !== undefined) tags.push(['citation_archive', archive]);
  const reference = archiveReferenceOf(cable);
  if (reference !== undefined) tags.push(['citation_archive_id', reference]);
  tags.push(['citation_language', textLanguage(cable)]);
  tags.push(['citation_public_url', documentPageUrl(settings, cable.id)]);
  tags.push(['citation_xml_url', teiFileUrl(settings, cable.id)]);
  return html`${tags.map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
}

/** The page's document as schema.org JSON-LD (an ArchiveComponent held by its archive). */
export function jsonLd(cable: Cable, settings: SiteSettings): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ArchiveComponent',
    '@id': documentPageUrl(settings, cable.id),
    url: documentPageUrl(settings, cable.id),
    name: titleOf(cable),
    inLanguage: textLanguage(cable),
    isPartOf: { '@type': 'Collection', name: settings.collectionName },
    publisher: { '@type': 'Organization', name: settings.publisher },
    license: settings.rightsUri,
    encoding: { '@type': 'MediaObject', encodingFormat: 'application/tei+xml', contentUrl: teiFileUrl(settings, cable.id) },
  };
  const iso = catalogueIso(cable);
  if (iso !== undefined) data.dateCreated = iso;
  const authors = cable.senders.map((s) => cable.entities.find((e) => e.id === s.ref)).filter((e) => e !== undefined);
  if (authors.length > 0) data.author = authors.map((e) => ({ '@type': e.kind === 'person' ? 'Person' : e.kind === 'org' ? 'Organization' : 'Place', name: e.name }));
  const translators = translatorsOf(cable);
  if (translators.length > 0) data.translator = translators.map((name) => ({ '@type': 'Person', name }));
  if (cable.documentType !== undefined) data.genre = cable.documentType;
  const archive = archiveOf(cable);
  if (archive !== undefined) data.holdingArchive = { '@type': 'ArchiveOrganization', name: archive };
  const reference = archiveReferenceOf(cable);
  if (reference !== undefined) data.identifier = { '@type': 'PropertyValue', propertyID: 'archive reference', value: reference };
  if (cable.originalLanguage?.code !== undefined) data.translationOfWork = { '@type': 'CreativeWork', inLanguage: cable.originalLanguage.code };
  return data;
}

/** JSON in a script element: "<" escaped so no text can close the element. */
export function jsonLdScript(data: unknown): Html {
  return raw(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}
