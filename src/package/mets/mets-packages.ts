import type { Package, PackageResult } from '../package-entry.js';
import type { PackageDocument, PackageSettings } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { safeName } from '../safe-name.js';
import { utf8 } from '../text-bytes.js';
import { buildMets } from './build-mets.js';

/** The METS file's name in each package folder. */
export const METS_FILE = 'METS.xml';

/** A folder per document: METS.xml beside the files it describes (its FLocat paths are relative). */
export function metsPackages(docs: readonly PackageDocument[], settings: PackageSettings): PackageResult {
  const packages: Package[] = docs.map((doc) => {
    const files = documentPayload(doc);
    return { path: safeName(doc.cable.id), single: false, files: [{ path: METS_FILE, bytes: utf8(buildMets(doc, files, settings)) }, ...files] };
  });
  return { packages, diagnostics: [] };
}
