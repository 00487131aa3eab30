import { readDcValues } from '../dc-values.js';
import type { Package, PackageResult } from '../package-entry.js';
import type { PackageDocument } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { safeName } from '../safe-name.js';
import { utf8 } from '../text-bytes.js';
import { metadataCsv } from './metadata-csv.js';

/**
 * A standard Archivematica transfer per document: the files under objects/, and
 * metadata/metadata.csv restating the oai_dc record as dc.* columns for the transfer as a whole.
 */
export function archivematicaPackages(docs: readonly PackageDocument[]): PackageResult {
  const packages: Package[] = docs.map((doc) => ({
    path: safeName(doc.cable.id),
    single: false,
    files: [
      ...documentPayload(doc).map((f) => ({ path: `objects/${f.path}`, bytes: f.bytes })),
      { path: 'metadata/metadata.csv', bytes: utf8(metadataCsv(readDcValues(doc.derived.oaiDc))) },
    ],
  }));
  return { packages, diagnostics: [] };
}
