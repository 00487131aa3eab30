import type { Collection, Manifest } from '@iiif/presentation-3';
import type { CableGroup } from './cable-groups.js';
import type { ManifestConfig } from './build-manifest.js';
import type { IiifIds } from './iiif-ids.js';
import type { CollectionReference } from './iiif-types.js';
import { english } from './language-map.js';
import { outputPaths } from '../edition/layout.js';

/** What a collection lists for a manifest: a reference, never the manifest itself. */
export type ManifestReference = Pick<Manifest, 'id' | 'type' | 'label'> & Partial<Pick<Manifest, 'navDate' | 'thumbnail'>>;

/** A Collection whose items are references (the library type expects embedded resources). */
export type ReferenceCollection = Omit<Collection, 'items'> & { items: ManifestReference[] };

export function manifestReference(manifest: Manifest): ManifestReference {
  const reference: ManifestReference = { id: manifest.id, type: 'Manifest', label: manifest.label };
  if (manifest.navDate !== undefined) reference.navDate = manifest.navDate;
  const thumbnail = manifest.items[0]?.thumbnail;
  if (thumbnail !== undefined && thumbnail.length > 0) reference.thumbnail = thumbnail;
  return reference;
}

/** Chronological, undated last, ties by id: the order a reader browses in. */
function byNavDate(a: ManifestReference, b: ManifestReference): number {
  const da = a.navDate ?? '\uffff';
  const db = b.navDate ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function collection(id: string, label: string, items: ManifestReference[], config: ManifestConfig, partOf?: CollectionReference[]): ReferenceCollection {
  const out: ReferenceCollection = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id,
    type: 'Collection',
    label: english(label),
    rights: config.rightsUri,
    items: [...items].sort(byNavDate),
  };
  if (partOf !== undefined) out.partOf = partOf;
  return out;
}

export interface BuiltCollection {
  /** Output path relative to the output folder. */
  path: string;
  collection: ReferenceCollection;
}

/** What the collections need of one manifest: kept per document between builds, so it stays small. */
export interface CollectionEntry {
  reference: ManifestReference;
  groups: CableGroup[];
}

/** The corpus collection and one collection per group (archive, year, document type). */
export function buildCollections(
  entries: readonly CollectionEntry[],
  config: ManifestConfig,
  ids: IiifIds,
): BuiltCollection[] {
  const corpusId = ids.corpusCollection();
  const corpus = collection(corpusId, config.collectionName, entries.map((e) => e.reference), config);
  const groups = new Map<string, { group: CableGroup; items: ManifestReference[] }>();
  for (const { reference, groups: cableGroups } of entries) {
    for (const group of cableGroups) {
      const key = `${group.kind}-${group.slug}`;
      const entry = groups.get(key) ?? { group, items: [] };
      entry.items.push(reference);
      groups.set(key, entry);
    }
  }
  const partOfCorpus: CollectionReference[] = [{ id: corpusId, type: 'Collection', label: english(config.collectionName) }];
  const out: BuiltCollection[] = [{ path: outputPaths.corpusCollection(), collection: corpus }];
  for (const key of [...groups.keys()].sort()) {
    const { group, items } = groups.get(key)!;
    out.push({
      path: outputPaths.groupCollection(group.kind, group.slug),
      collection: collection(ids.groupCollection(group.kind, group.slug), group.label, items, config, partOfCorpus),
    });
  }
  return out;
}
