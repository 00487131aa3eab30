import { digestHex } from '../digest.js';
import type { PackageFile } from '../package-input.js';
import { utf8 } from '../text-bytes.js';
import { INVENTORY_TYPE, nextVersionName, OBJECT_DECLARATION, serializeInventory, type OcflInventory } from './inventory.js';

export interface VersionInfo {
  created: string;
  user: { name: string; address: string };
  /** Says which run made it; what changed is added to it. */
  messagePrefix: string;
}

export interface ObjectUpdate {
  /** undefined: the head version already holds exactly these files, nothing to write. */
  version?: string;
  /** Files to add under the object root (new content, the new inventories and their sidecars). */
  files: PackageFile[];
}

/**
 * The next version of an OCFL object holding `files` (logical paths), or none when the head
 * version's state is already that: content already in the object is not stored again
 * (deduplicated by sha512), and the inventory and its sidecar are written both in the object
 * root and in the new version folder.
 */
export function addVersion(id: string, previous: OcflInventory | undefined, files: readonly PackageFile[], info: VersionInfo): ObjectUpdate {
  // Others may write digests in upper case: content already held keeps the manifest's spelling.
  const held = new Map(Object.keys(previous?.manifest ?? {}).map((digest) => [digest.toLowerCase(), digest]));
  const state: Record<string, string[]> = {};
  const byDigest = new Map<string, PackageFile>();
  for (const file of files) {
    const hex = digestHex('sha512', file.bytes);
    const digest = held.get(hex) ?? hex;
    (state[digest] ??= []).push(file.path);
    byDigest.set(digest, file);
  }
  const headState = previous ? previous.versions[previous.head]?.state : undefined;
  if (headState && sameState(headState, state)) return { files: [] };

  // parseInventory has made sure a padded head leaves room for one more.
  const version = previous ? (nextVersionName(previous.head) as string) : 'v1';
  const manifest: Record<string, string[]> = { ...(previous?.manifest ?? {}) };
  const content: PackageFile[] = [];
  for (const [digest, file] of byDigest) {
    if (manifest[digest]) continue;
    const path = `${version}/content/${file.path}`;
    manifest[digest] = [path];
    content.push({ path, bytes: file.bytes });
  }
  const inventory: OcflInventory = {
    id,
    type: INVENTORY_TYPE,
    digestAlgorithm: 'sha512',
    head: version,
    ...(previous?.contentDirectory !== undefined ? { contentDirectory: previous.contentDirectory } : {}),
    ...(previous?.fixity !== undefined ? { fixity: previous.fixity } : {}),
    manifest,
    versions: {
      ...(previous?.versions ?? {}),
      [version]: { created: info.created, message: `${info.messagePrefix}: ${describeChange(headState, state)}`, user: info.user, state },
    },
  };
  const text = utf8(serializeInventory(inventory));
  const sidecar = utf8(`${digestHex('sha512', text)}  inventory.json\n`);
  return {
    version,
    files: [
      ...content,
      { path: `${version}/inventory.json`, bytes: text },
      { path: `${version}/inventory.json.sha512`, bytes: sidecar },
      { path: 'inventory.json', bytes: text },
      { path: 'inventory.json.sha512', bytes: sidecar },
      ...(previous ? [] : [{ path: OBJECT_DECLARATION, bytes: utf8(`${OBJECT_DECLARATION.slice(2)}\n`) }]),
    ],
  };
}

function pathsOf(state: Record<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [digest, paths] of Object.entries(state)) for (const p of paths) out.set(p, digest);
  return out;
}

function sameState(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const pa = pathsOf(a);
  const pb = pathsOf(b);
  return pa.size === pb.size && [...pa].every(([p, d]) => pb.get(p) === d);
}

/** "tei/x.xml changed; source/y.txt added": the version message says what this version did. */
function describeChange(before: Record<string, string[]> | undefined, after: Record<string, string[]>): string {
  if (!before) return 'first version';
  const pa = pathsOf(before);
  const pb = pathsOf(after);
  const parts: string[] = [];
  for (const [p, d] of [...pb].sort()) {
    if (!pa.has(p)) parts.push(`${p} added`);
    else if (pa.get(p) !== d) parts.push(`${p} changed`);
  }
  for (const p of [...pa.keys()].sort()) if (!pb.has(p)) parts.push(`${p} removed`);
  return parts.join('; ');
}
