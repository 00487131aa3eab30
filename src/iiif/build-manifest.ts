import type { Manifest } from '@iiif/presentation-3';
import type { CablekitConfig } from '../config/config.js';
import type { Cable } from '../model/cable.js';
import { imageCanvases, textCanvases } from './canvases.js';
import { groupsOf } from './cable-groups.js';
import type { IiifIds } from './iiif-ids.js';
import type { CollectionReference, LinkedResource } from './iiif-types.js';
import { english, neutral } from './language-map.js';
import { metadataPairs } from './metadata-pairs.js';
import { navDateOf } from './nav-date.js';
import { NAVPLACE_CONTEXT, PRESENTATION_CONTEXT, navPlaceOf } from './nav-place.js';
import type { PageImage } from './page-image.js';
import { locatePlaces, type PlaceAuthority } from './place-authority.js';
import { documentPageUrl as documentPageUrlFromConfig } from '../edition/layout.js';
import { textPageSet, type TextPageSet } from './text-pages.js';
import { webUrl } from './web-url.js';

export type ManifestConfig = Pick<CablekitConfig, 'baseUrl' | 'rightsUri' | 'provider' | 'collectionName' | 'imageServiceTemplate' | 'siteDir'>;

export interface ManifestInputs {
  config: ManifestConfig;
  ids: IiifIds;
  /** The cable's page images, in page order; empty for text canvases. */
  pageImages: readonly PageImage[];
  /** The translation set as pages, for text canvases; made from the cable when not given. */
  textPages?: TextPageSet;
  places: PlaceAuthority;
}

/** The title, or failing that the document id: a manifest must have a label. */
export function titleOf(cable: Cable): Manifest['label'] {
  return cable.title !== undefined && cable.title.trim() !== '' ? english(cable.title) : neutral(cable.id);
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The attribution viewers must show: the archive's citation, the funders, and the link back to
 * the document's page in the edition, as HTML within IIIF's subset (one <a href>) so viewers that
 * render it (Clover, Mirador, UV) give a working link. Every value is HTML, the text escaped:
 * viewers such as Clover render every value as HTML, whatever IIIF says of values that do not
 * start with "<", and would drop the citation's "<https://…>" as an unknown tag.
 */
function requiredStatement(cable: Cable, config: ManifestConfig): Manifest['requiredStatement'] {
  const lines = [cable.citation ?? config.provider.name];
  if (cable.funders.length > 0) lines.push(`Funded by: ${cable.funders.join('; ')}`);
  const page = documentPageUrlFromConfig(config, cable.id);
  const value = {
    en: [
      ...lines.map((line) => `<span>${escapeHtml(line).replace(/\r?\n/g, '<br>')}</span>`),
      `<span>Read and cite it in ${escapeHtml(config.collectionName)}: <a href="${escapeHtml(page)}">${escapeHtml(page)}</a></span>`,
    ],
  };
  return { label: english('Attribution'), value };
}

/**
 * The document's page in the edition: its homepage and its human-readable rendering. One
 * resource for both, because IIIF clients (and @iiif/parser) merge resources by id.
 */
function editionPage(cable: Cable, config: ManifestConfig): LinkedResource {
  return { id: documentPageUrlFromConfig(config, cable.id), type: 'Text', label: titleOf(cable), format: 'text/html' };
}

/** The document's page in the edition first, then the archive's own pages. */
function homepages(cable: Cable, config: ManifestConfig): LinkedResource[] {
  const edition = editionPage(cable, config);
  const urls = cable.urls.map(webUrl).filter((url): url is string => url !== undefined);
  return [edition, ...[...new Set(urls)].filter((u) => u !== edition.id).map((url): LinkedResource => ({ id: url, type: 'Text', label: titleOf(cable), format: 'text/html' }))];
}


function teiResource(cable: Cable, ids: IiifIds): LinkedResource {
  return {
    id: ids.tei(cable.id),
    type: 'Dataset',
    label: english('TEI P5 encoding'),
    format: 'application/tei+xml',
    profile: 'http://www.tei-c.org/ns/1.0',
  };
}

/** partOf: the corpus and the groups (archive, year, type) the cable belongs to. */
export function partOfCollections(cable: Cable, config: ManifestConfig, ids: IiifIds): CollectionReference[] {
  const corpus: CollectionReference = { id: ids.corpusCollection(), type: 'Collection', label: english(config.collectionName) };
  const groups = groupsOf(cable).map((g): CollectionReference => ({ id: ids.groupCollection(g.kind, g.slug), type: 'Collection', label: english(g.label) }));
  return [corpus, ...groups];
}

/** One cable's manifest, everything taken from the decoded TEI model; pure. */
export function buildManifest(cable: Cable, inputs: ManifestInputs): Manifest {
  const { config, ids } = inputs;
  const places = locatePlaces(cable.entities, inputs.places);
  const canvasOptions = { ids, ...(config.imageServiceTemplate !== undefined ? { imageServiceTemplate: config.imageServiceTemplate } : {}) };
  const items = inputs.pageImages.length > 0 ? imageCanvases(cable, inputs.pageImages, canvasOptions) : textCanvases(cable, inputs.textPages ?? textPageSet(cable), canvasOptions);

  const manifest: Manifest = {
    '@context': places.length > 0 ? [NAVPLACE_CONTEXT, PRESENTATION_CONTEXT] : PRESENTATION_CONTEXT,
    id: ids.manifest(cable.id),
    type: 'Manifest',
    label: titleOf(cable),
    items: [],
  };
  if (cable.summary !== undefined && cable.summary.trim() !== '') manifest.summary = english(cable.summary);
  const metadata = metadataPairs(cable);
  if (metadata.length > 0) manifest.metadata = metadata;
  manifest.requiredStatement = requiredStatement(cable, config);
  manifest.rights = config.rightsUri;
  const providerHomepage: LinkedResource = { id: config.provider.homepage, type: 'Text', label: english(config.provider.name), format: 'text/html' };
  manifest.provider = [{ id: ids.provider(), type: 'Agent', label: english(config.provider.name), homepage: [providerHomepage] }];
  manifest.homepage = homepages(cable, config);
  const dublinCore: LinkedResource = {
    id: ids.dublinCore(cable.id),
    type: 'Dataset',
    label: english('Dublin Core record (oai_dc)'),
    format: 'application/xml',
    profile: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  };
  manifest.seeAlso = [teiResource(cable, ids), dublinCore];
  manifest.rendering = [editionPage(cable, config), teiResource(cable, ids)];
  const navDate = navDateOf(cable.catalogueDate);
  if (navDate !== undefined) manifest.navDate = navDate;
  if (places.length > 0) manifest.navPlace = navPlaceOf(cable.id, places, ids);
  manifest.partOf = partOfCollections(cable, config, ids);
  manifest.items = items;
  return manifest;
}
