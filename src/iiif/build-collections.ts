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

/** A collection to make: where it goes, which entries it lists (by position), and how to make it. */
export interface CollectionPlan {
  path: string;
  members: readonly number[];
  build(): ReferenceCollection;
}

/** The corpus collection and one collection per group (archive, year, document type). */
export function buildCollections(entries: readonly CollectionEntry[], config: ManifestConfig, ids: IiifIds): BuiltCollection[] {
  return collectionPlans(entries, config, ids).map((plan) => ({ path: plan.path, collection: plan.build() }));
}

/** The same collections, planned: each made only when asked (a build keeps those whose members did not change). */
export function collectionPlans(entries: readonly CollectionEntry[], config: ManifestConfig, ids: IiifIds): CollectionPlan[] {
  const corpusId = ids.corpusCollection();
  const groups = new Map<string, { group: CableGroup; members: number[] }>();
  entries.forEach(({ groups: cableGroups }, i) => {
    for (const group of cableGroups) {
      const key = `${group.kind}-${group.slug}`;
      const entry = groups.get(key) ?? { group, members: [] };
      entry.members.push(i);
      groups.set(key, entry);
    }
  });
  const partOfCorpus: CollectionReference[] = [{ id: corpusId, type: 'Collection', label: english(config.collectionName) }];
  const references = (members: readonly number[]): ManifestReference[] => members.map((i) => entries[i]!.reference);
  const all = entries.map((_, i) => i);
  const out: CollectionPlan[] = [{ path: outputPaths.corpusCollection(), members: all, build: () => collection(corpusId, config.collectionName, references(all), config) }];
  for (const key of [...groups.keys()].sort()) {
    const { group, members } = groups.get(key)!;
    out.push({
      path: outputPaths.groupCollection(group.kind, group.slug),
      members,
      build: () => collection(ids.groupCollection(group.kind, group.slug), group.label, references(members), config, partOfCorpus),
    });
  }
  return out;
}
