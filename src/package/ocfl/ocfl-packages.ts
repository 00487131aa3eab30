import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PackageDocument, PackageFile, PackageSettings } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { addVersion } from './add-version.js';
import { parseInventory } from './inventory.js';
import { objectRootPath } from './storage-layout.js';

/** What the storage root holds today for one object: its root inventory's text, when it exists. */
export type ReadInventory = (objectRoot: string) => string | undefined;

export interface OcflObjectUpdate {
  id: string;
  /** Path of the object root under the storage root. */
  objectRoot: string;
  /** The version added, or undefined when the object is unchanged. */
  version?: string;
  files: PackageFile[];
}

/**
 * For each document, the new version of its OCFL object (or none when unchanged). The object id is
 * the document id; the version's time is the TEI's revision time, its user the organisation.
 */
export function ocflUpdates(
  docs: readonly PackageDocument[],
  settings: PackageSettings,
  readInventory: ReadInventory,
): { updates: OcflObjectUpdate[]; diagnostics: Diagnostic[] } {
  const updates: OcflObjectUpdate[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const id = doc.cable.id;
    const objectRoot = objectRootPath(id);
    const text = readInventory(objectRoot);
    const parsed = text === undefined ? {} : parseInventory(text, id);
    if (parsed.problem !== undefined) {
      diagnostics.push({
        code: 'package/ocfl-inventory-unusable',
        severity: 'error',
        message: `The OCFL object of ${id} cannot be continued: ${parsed.problem}.`,
        hint: 'Restore the object from a backup, or move it away so a new object is started.',
        file: `ocfl/${objectRoot}/inventory.json`,
      });
      continue;
    }
    const update = addVersion(id, parsed.inventory, documentPayload(doc), {
      created: doc.revisedAt,
      user: { name: settings.organisation, address: settings.organisationUri },
      messagePrefix: `${settings.toolName} ${settings.toolVersion} package`,
    });
    updates.push({ id, objectRoot, ...(update.version !== undefined ? { version: update.version } : {}), files: update.files });
  }
  return { updates, diagnostics };
}
