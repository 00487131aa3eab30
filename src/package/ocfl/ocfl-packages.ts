import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { digestHex } from '../digest.js';
import type { PackageDocument, PackageFile, PackageSettings } from '../package-input.js';
import { documentPayload } from '../payload.js';
import { addVersion } from './add-version.js';
import { OBJECT_DECLARATION, parseInventory, versionNumber, type OcflInventory } from './inventory.js';
import { objectRootPath } from './storage-layout.js';

/** What the storage root holds today for one object root: undefined when there is no such folder. */
export type ReadInventory = (objectRoot: string) => StoredObject | undefined;

export interface StoredObject {
  /** The names in the object root. */
  names: readonly string[];
  /** A file's bytes by its /-separated path under the object root; undefined when there is none. */
  read(path: string): Uint8Array | undefined;
}

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
    const parsed = continuable(readInventory(objectRoot), id);
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

/**
 * The object to build on: none for a new one, else its inventory when it can be trusted: the
 * sidecar holds its digest, the head version's copy (if any) is the same, and the folder holds the
 * OCFL 1.1 declaration and the inventory's versions, nothing more.
 */
export function continuable(stored: StoredObject | undefined, id: string): { inventory?: OcflInventory; problem?: string } {
  if (stored === undefined || stored.names.length === 0) return {};
  const bytes = stored.read('inventory.json');
  if (bytes === undefined) return { problem: 'its folder holds files but no inventory.json' };
  const parsed = parseInventory(text(bytes), id);
  if (parsed.inventory === undefined) return parsed;
  const problem = sidecarProblem(stored, bytes, parsed.inventory.head) ?? folderProblem(stored, parsed.inventory.versions);
  return problem !== undefined ? { problem } : parsed;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function sidecarProblem(stored: StoredObject, inventory: Uint8Array, head: string): string | undefined {
  const sidecar = stored.read('inventory.json.sha512');
  if (sidecar === undefined) return 'inventory.json has no sidecar inventory.json.sha512';
  const digest = /^([0-9a-f]{128})[ \t]+inventory\.json\n?$/i.exec(text(sidecar))?.[1];
  if (digest === undefined) return 'inventory.json.sha512 is not of the form "<sha512 digest> inventory.json"';
  if (digest.toLowerCase() !== digestHex('sha512', inventory)) return 'inventory.json does not match the digest in inventory.json.sha512';
  const headCopy = stored.read(`${head}/inventory.json`);
  if (headCopy !== undefined && text(headCopy) !== text(inventory)) return `inventory.json differs from ${head}/inventory.json, the head version's copy`;
  return undefined;
}

/** What an object root may hold besides its version folders (https://ocfl.io/1.1/spec/#object-structure). */
const ROOT_NAMES = new Set([OBJECT_DECLARATION, 'inventory.json', 'inventory.json.sha512', 'logs', 'extensions']);

function folderProblem(stored: StoredObject, versions: Record<string, unknown>): string | undefined {
  const declaration = stored.read(OBJECT_DECLARATION);
  if (declaration === undefined) return `its folder has no ${OBJECT_DECLARATION} declaration`;
  if (text(declaration) !== `${OBJECT_DECLARATION.slice(2)}\n`) return `${OBJECT_DECLARATION} does not read "${OBJECT_DECLARATION.slice(2)}" and a newline`;
  const stray = stored.names.find((name) => !ROOT_NAMES.has(name) && !Object.hasOwn(versions, name));
  if (stray !== undefined) {
    return `its folder holds ${stray}, ${Number.isInteger(versionNumber(stray)) ? 'which inventory.json does not list as a version' : 'which has no place in an OCFL object root'}`;
  }
  const missing = Object.keys(versions).find((name) => !stored.names.includes(name));
  return missing !== undefined ? `its folder lacks the version ${missing} that inventory.json lists` : undefined;
}
