import { zipFiles } from '../archive/zip-archive.js';
import { readDcValues } from '../dc-values.js';
import type { Package, PackageResult } from '../package-entry.js';
import type { PackageDocument, PackageFile, PackageSettings } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { safeName } from '../safe-name.js';
import { utf8 } from '../text-bytes.js';
import { dspaceDcValues, safBitstreamName, safContents, safMetadataXml } from './saf-item.js';

/** The batch zip's name: it has a '.', which no item folder's name has. */
export const SAF_ZIP = 'import.zip';

/**
 * DSpace Simple Archive Format: an item folder per document (dublin_core.xml from the oai_dc
 * record in the fields of DSpace's default dc registry, metadata_dcterms.xml from the qualified DC record, the bitstreams, `contents`, and
 * `collections` when a collection handle is set), and import.zip holding every item folder of
 * this run at its root, for `dspace import --add --zip`. `cablekit package` writes the same
 * packages without holding every document: the items a document at a time, then the zip
 * streamed from them (`safZipEntries`).
 */
export async function safPackages(docs: readonly PackageDocument[], settings: PackageSettings & { safCollection?: string }): Promise<PackageResult> {
  const packages = docs.map((doc) => safItem(doc, settings));
  if (packages.length > 0) {
    const latest = docs.map((d) => d.revisedAt).sort().at(-1) as string;
    const inZip = packages.flatMap((p) => p.files.map((f) => ({ path: `${p.path}/${f.path}`, bytes: f.bytes })));
    packages.push({ path: SAF_ZIP, single: true, files: [{ path: '', bytes: await zipFiles(inZip, latest) }] });
  }
  return { packages, diagnostics: [] };
}

/** One document's item folder. */
export function safItem(doc: PackageDocument, settings: PackageSettings & { safCollection?: string }): Package {
  const payload = documentPayload(doc);
  const qualified = readDcValues(doc.derived.qualifiedDc);
  const files: PackageFile[] = [
    { path: 'dublin_core.xml', bytes: utf8(safMetadataXml('dc', dspaceDcValues(readDcValues(doc.derived.oaiDc), qualified))) },
    { path: 'metadata_dcterms.xml', bytes: utf8(safMetadataXml('dcterms', qualified)) },
    { path: 'contents', bytes: utf8(safContents(payload)) },
    ...(settings.safCollection !== undefined ? [{ path: 'collections', bytes: utf8(`${settings.safCollection}\n`) }] : []),
    ...payload.map((f) => ({ path: safBitstreamName(f), bytes: f.bytes })),
  ];
  return { path: safeName(doc.cable.id), single: false, files };
}

/** import.zip's entries, in the order the zip holds them: every file of every item folder, by path. */
export function safZipEntries(items: readonly { name: string; files: readonly string[] }[]): string[] {
  return items.flatMap((item) => item.files.map((f) => `${item.name}/${f}`)).sort(pathOrder);
}

function pathOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
