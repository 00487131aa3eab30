import type { Manifest } from '@iiif/presentation-3';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { outputPaths } from '../edition/layout.js';
import type { Cable } from '../model/cable.js';
import { digestsKey, type AuthorityPlace, type CorpusPart, type DerivedStage, type OutputFile, type PageImage, type StageResult } from '../stage/index.js';
import { buildCollections, collectionPlans, manifestReference, type CollectionEntry } from './build-collections.js';
import { buildManifest, type ManifestConfig } from './build-manifest.js';
import { groupsOf } from './cable-groups.js';
import { iiifIds, type IiifIds } from './iiif-ids.js';
import { placeAuthority, type PlaceAuthority } from './place-authority.js';
import { stableJson } from './stable-json.js';
import { textPageSvg } from './text-page-svg.js';
import { textPageSet, type TextPageSet } from './text-pages.js';
import { TRANSLATION_LANGUAGE } from './language-map.js';
import { validateIiif } from './validate/index.js';

/** What the IIIF files of a corpus are made from, once the files on disk have been read. */
export interface IiifInputs {
  config: ManifestConfig;
  places: PlaceAuthority;
  /** Page images by document id; a document without an entry gets text canvases. */
  pageImages: ReadonlyMap<string, readonly PageImage[]>;
}

function emit(result: StageResult, path: string, json: unknown): void {
  result.diagnostics.push(...validateIiif(json, path));
  result.files.push({ path, content: stableJson(json) });
}

/** One cable's manifest (validated) and its page images, plus what the collections need of it; pure. */
export function manifestFiles(
  cable: Cable,
  pageImages: readonly PageImage[],
  config: ManifestConfig,
  ids: IiifIds,
  places: PlaceAuthority,
): StageResult & { entry: CollectionEntry } {
  const textPages = pageImages.length === 0 ? textPageSet(cable) : undefined;
  const manifest: Manifest = buildManifest(cable, { config, ids, pageImages, places, ...(textPages ? { textPages } : {}) });
  const result: StageResult = { files: [], diagnostics: [] };
  emit(result, outputPaths.manifest(cable.id), manifest);
  // Text canvases paint these: publish each page of the translation next to the manifest.
  if (textPages) result.files.push(...textPageFiles(cable, textPages));
  // The manifest points at images/<id>/<file> under the base URL: publish the bytes there.
  for (const image of pageImages) result.files.push({ path: outputPaths.pageImage(cable.id, image.fileName), content: image.bytes });
  return { ...result, entry: { reference: manifestReference(manifest), groups: groupsOf(cable) } };
}

function textPageFiles(cable: Cable, set: TextPageSet): OutputFile[] {
  const title = cable.title !== undefined && cable.title.trim() !== '' ? cable.title : cable.id;
  return set.pages.map((page, i) => ({
    path: outputPaths.textPage(cable.id, i + 1),
    content: textPageSvg({ page, width: set.width, height: set.height, title, language: TRANSLATION_LANGUAGE }),
  }));
}

/** The corpus collection and the group collections (validated), from the entries alone; pure. */
export function collectionFiles(entries: readonly CollectionEntry[], config: ManifestConfig, ids: IiifIds): StageResult {
  const result: StageResult = { files: [], diagnostics: [] };
  for (const { path, collection } of buildCollections(entries, config, ids)) emit(result, path, collection);
  return result;
}

/**
 * The same collections as keyed parts: each keyed by the digests of the entries it lists (`digests[i]`
 * is entry i's), and made, serialized and validated only when a build asks for it.
 */
export function collectionParts(entries: readonly CollectionEntry[], digests: readonly string[], config: ManifestConfig, ids: IiifIds): CorpusPart[] {
  return collectionPlans(entries, config, ids).map((plan) => ({
    path: plan.path,
    key: digestsKey(plan.path, plan.members.map((i) => digests[i]!)),
    render: () => {
      const collection = plan.build();
      return { content: stableJson(collection), diagnostics: validateIiif(collection, plan.path) };
    },
  }));
}

/** Every manifest and collection of a corpus held in memory, each validated; pure. */
export function deriveIiifFiles(cables: readonly Cable[], inputs: IiifInputs): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const ids = iiifIds(inputs.config.baseUrl);
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const entries: CollectionEntry[] = [];
  const sorted = [...cables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const cable of sorted) {
    const one = manifestFiles(cable, inputs.pageImages.get(cable.id) ?? [], inputs.config, ids, inputs.places);
    files.push(...one.files);
    diagnostics.push(...one.diagnostics);
    entries.push(one.entry);
  }
  const collections = collectionFiles(entries, inputs.config, ids);
  return { files: [...files, ...collections.files], diagnostics: [...diagnostics, ...collections.diagnostics] };
}

/** The name index of an authority list, made once per list (the same list serves every document of a run). */
const authorities = new WeakMap<readonly AuthorityPlace[], PlaceAuthority>();
function authorityOf(places: readonly AuthorityPlace[]): PlaceAuthority {
  let authority = authorities.get(places);
  if (authority === undefined) {
    authority = placeAuthority(places);
    authorities.set(places, authority);
  }
  return authority;
}

/** The build stage: iiif/<id>/manifest.json (and images/<id>/…) per cable; iiif/collection.json and iiif/collections/*.json. */
export const iiifStage: DerivedStage<CollectionEntry> = {
  name: 'iiif',
  document(doc, ctx) {
    const { entry, ...result } = manifestFiles(doc.cable, doc.pageImages, ctx.config, iiifIds(ctx.layout.urls), authorityOf(ctx.places));
    return { ...result, summary: entry };
  },
  corpusParts(entries, ctx, digests) {
    return { parts: collectionParts(entries, digests, ctx.config, iiifIds(ctx.layout.urls)), diagnostics: [] };
  },
};
