import { DEFAULT_CONFIG } from '../src/config/config.js';
import { buildCollections, buildManifest, groupsOf, iiifIds, manifestReference, stableJson, validateIiif, type CollectionEntry } from '../src/iiif/index.js';
import { readPlaceAuthority } from '../src/pipeline/index.js';
import type { Manifest } from '@iiif/presentation-3';
import type { Cable } from '../src/model/cable.js';
import type { BenchResult } from './bench-result.js';

const WARM_UP = 200;

/**
 * Manifests for every cable, each serialised and validated (schema and lint), then the
 * collections: milliseconds per manifest on this one thread (target < 1 ms). Text canvases only:
 * page images would measure the disk, not the stage.
 */
export async function runIiifBench(cables: readonly Cable[], _workDir?: string): Promise<BenchResult> {
  const config = DEFAULT_CONFIG;
  const ids = iiifIds(config.baseUrl);
  const { authority } = readPlaceAuthority();
  const inputs = { config, ids, pageImages: [], places: authority };
  const one = (cable: Cable): { manifest: Manifest; problems: number } => {
    const manifest = buildManifest(cable, inputs);
    const json = stableJson(manifest);
    return { manifest, problems: validateIiif(manifest).length + (json.length === 0 ? 1 : 0) };
  };
  for (const cable of cables.slice(0, WARM_UP)) one(cable);

  const entries: CollectionEntry[] = [];
  let invalid = 0;
  const started = process.hrtime.bigint();
  for (const cable of cables) {
    const { manifest, problems } = one(cable);
    if (problems > 0) invalid++;
    entries.push({ reference: manifestReference(manifest), groups: groupsOf(cable) });
  }
  const manifestsMs = Number(process.hrtime.bigint() - started) / 1e6;

  const collectionsStarted = process.hrtime.bigint();
  const collections = buildCollections(entries, config, ids);
  let invalidCollections = 0;
  for (const { collection } of collections) {
    stableJson(collection);
    if (validateIiif(collection).length > 0) invalidCollections++;
  }
  const collectionsMs = Number(process.hrtime.bigint() - collectionsStarted) / 1e6;

  const perManifest = cables.length > 0 ? manifestsMs / cables.length : 0;
  return {
    name: 'iiif',
    lines: [
      `iiif: ${cables.length} manifests built, serialised and validated in ${manifestsMs.toFixed(0)} ms — ${perManifest.toFixed(3)} ms per manifest (target < 1 ms); ${invalid} invalid`,
      `iiif: ${collections.length} collections in ${collectionsMs.toFixed(0)} ms; ${invalidCollections} invalid`,
    ],
    metrics: {
      manifests: cables.length,
      manifestsMs,
      msPerManifest: perManifest,
      invalidManifests: invalid,
      collections: collections.length,
      collectionsMs,
      invalidCollections,
    },
  };
}
