import type { Package, PackageResult } from '../package-entry.js';
import type { PackageDocument, PackageFile, PackageSettings } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { safeName } from '../safe-name.js';
import { tarFiles } from '../archive/tar-archive.js';
import { zipFiles } from '../archive/zip-archive.js';
import { bagTagFiles, buildBag, type BagDescription, type BagEntry } from './build-bag.js';

export type BagSerialization = 'dir' | 'zip' | 'tar';

export interface BagOptions {
  serialization: BagSerialization;
  /** Also one bag holding every packaged document (data/<id>/…). */
  editionBag: boolean;
}

/** The name of the edition bag: has a '.', which no document's safe name has. */
export const EDITION_BAG = 'edition.bag';

/** A bag per document (and optionally one for the edition), as folders or as zip / tar files. */
export async function bagitPackages(docs: readonly PackageDocument[], settings: PackageSettings, options: BagOptions): Promise<PackageResult> {
  const packages: Package[] = [];
  for (const doc of docs) {
    const files = buildBag(documentPayload(doc), {
      ...agentFields(settings),
      externalIdentifier: doc.cable.id,
      externalDescription: doc.cable.title ?? `Document ${doc.cable.id} (untitled in its TEI)`,
      baggedAt: doc.revisedAt,
    });
    packages.push(await serialize(safeName(doc.cable.id), files, doc.revisedAt, options.serialization));
  }
  if (options.editionBag) packages.push(...(await editionBag(docs, settings, options.serialization)).packages);
  return { packages, diagnostics: [] };
}

/**
 * The one bag holding every document (data/<id>/…), or none when there is no document. `cablekit
 * package` writes the same bag without holding every document: each document's payload as it is
 * packaged (`editionBagPayload`), the tag files at the end from their digests (`editionBagTags`).
 */
export async function editionBag(docs: readonly PackageDocument[], settings: PackageSettings, serialization: BagSerialization): Promise<PackageResult> {
  if (docs.length === 0) return { packages: [], diagnostics: [] };
  const latest = docs.map((d) => d.revisedAt).sort().at(-1) as string;
  const files = buildBag(docs.flatMap(editionBagPayload), editionBagDescription(settings, docs.length, latest));
  return { packages: [await serialize(EDITION_BAG, files, latest, serialization)], diagnostics: [] };
}

/** A document's files in the edition bag, relative to its data/ folder. */
export function editionBagPayload(doc: PackageDocument): PackageFile[] {
  return documentPayload(doc).map((f) => ({ path: `${safeName(doc.cable.id)}/${f.path}`, bytes: f.bytes }));
}

/** The edition bag's tag files, from its payload's entries (sorted by path), its documents' count and latest revision. */
export function editionBagTags(data: readonly BagEntry[], settings: PackageSettings, documents: number, latest: string): PackageFile[] {
  return bagTagFiles(data, editionBagDescription(settings, documents, latest));
}

function editionBagDescription(settings: PackageSettings, documents: number, latest: string): BagDescription {
  return {
    ...agentFields(settings),
    externalIdentifier: settings.baseUrl,
    externalDescription: `${settings.collectionName} (${documents} document${documents === 1 ? '' : 's'})`,
    baggedAt: latest,
  };
}

function agentFields(settings: PackageSettings): Pick<BagDescription, 'sourceOrganization' | 'softwareAgent'> {
  return { sourceOrganization: settings.organisation, softwareAgent: `${settings.toolName} ${settings.toolVersion}` };
}

/** A serialised bag unpacks to one folder named like the bag (RFC 8493 §4.4). */
async function serialize(name: string, files: Package['files'], mtime: string, as: BagSerialization): Promise<Package> {
  if (as === 'dir') return { path: name, single: false, files };
  const inFolder = files.map((f) => ({ path: `${name}/${f.path}`, bytes: f.bytes }));
  const bytes = as === 'zip' ? await zipFiles(inFolder, mtime) : await tarFiles(inFolder, mtime);
  return { path: `${name}.${as}`, single: true, files: [{ path: '', bytes }] };
}
