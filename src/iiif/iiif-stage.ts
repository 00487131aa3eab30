import type { Manifest } from '@iiif/presentation-3';
import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecodedCable, DerivedStage, OutputFile } from '../build/stage.js';
import type { Cable } from '../model/cable.js';
import { buildCollections } from './build-collections.js';
import { buildManifest } from './build-manifest.js';
import { iiifIds } from './iiif-ids.js';
import type { PageImage } from './page-image.js';
import type { PlaceAuthority } from './place-authority.js';
import { readPageImages, readPlaceAuthority } from './read-assets.js';
import { stableJson } from './stable-json.js';
import { validateIiif } from './validate/index.js';

/** What the IIIF files of a corpus are made from, once the files on disk have been read. */
export interface IiifInputs {
  config: CablekitConfig;
  places: PlaceAuthority;
  /** Page images by document id; a document without an entry gets text canvases. */
  pageImages: ReadonlyMap<string, readonly PageImage[]>;
}

/** Every manifest and collection of a corpus as files, each validated; pure. */
export function deriveIiifFiles(cables: readonly Cable[], inputs: IiifInputs): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const ids = iiifIds(inputs.config.baseUrl);
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const sorted = [...cables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries: { cable: Cable; manifest: Manifest }[] = [];
  const emit = (path: string, json: unknown): void => {
    diagnostics.push(...validateIiif(json, path));
    files.push({ path, content: stableJson(json) });
  };
  for (const cable of sorted) {
    const manifest = buildManifest(cable, {
      config: inputs.config,
      ids,
      pageImages: inputs.pageImages.get(cable.id) ?? [],
      places: inputs.places,
    });
    entries.push({ cable, manifest });
    emit(`iiif/${cable.id}/manifest.json`, manifest);
    // The manifest points at images/<id>/<file> under the base URL: publish the bytes there.
    for (const image of inputs.pageImages.get(cable.id) ?? []) {
      files.push({ path: `images/${cable.id}/${image.fileName}`, content: image.bytes });
    }
  }
  for (const { path, collection } of buildCollections(entries, inputs.config, ids)) emit(path, collection);
  return { files, diagnostics };
}

/** Reads what the IIIF stage needs from disk: the place authority and each cable's page images. */
export function readIiifInputs(cables: readonly Cable[], config: CablekitConfig): { inputs: IiifInputs; diagnostics: Diagnostic[] } {
  const { authority, diagnostics } = readPlaceAuthority(config.authorityFile);
  const pageImages = new Map<string, readonly PageImage[]>();
  if (config.imagesDir !== undefined) {
    for (const cable of cables) {
      const found = readPageImages(config.imagesDir, cable.id);
      diagnostics.push(...found.diagnostics);
      if (found.images.length > 0) pageImages.set(cable.id, found.images);
    }
  }
  return { inputs: { config, places: authority, pageImages }, diagnostics };
}

/** The build stage: iiif/<id>/manifest.json per cable, iiif/collection.json and iiif/collections/*.json. */
export const iiifStage: DerivedStage = {
  name: 'iiif',
  derive(decoded: readonly DecodedCable[], config: CablekitConfig) {
    const cables = decoded.map((d) => d.cable);
    const read = readIiifInputs(cables, config);
    const derived = deriveIiifFiles(cables, read.inputs);
    return { files: derived.files, diagnostics: [...read.diagnostics, ...derived.diagnostics] };
  },
};
