/** The OCFL 1.1 inventory (https://ocfl.io/1.1/spec/#inventory), as cablekit writes it. */
export interface OcflVersion {
  created: string;
  message: string;
  user: { name: string; address: string };
  /** digest → logical paths */
  state: Record<string, string[]>;
}

export interface OcflInventory {
  id: string;
  type: string;
  digestAlgorithm: 'sha512';
  head: string;
  contentDirectory?: string;
  /** digest → content paths (relative to the object root) */
  manifest: Record<string, string[]>;
  versions: Record<string, OcflVersion>;
}

export const INVENTORY_TYPE = 'https://ocfl.io/1.1/spec/#inventory';

/** The inventory as bytes: fixed key order, digests sorted, two-space indent, final newline. */
export function serializeInventory(inv: OcflInventory): string {
  const versions: Record<string, OcflVersion> = {};
  for (const name of Object.keys(inv.versions).sort((a, b) => versionNumber(a) - versionNumber(b))) {
    const v = inv.versions[name] as OcflVersion;
    versions[name] = { created: v.created, message: v.message, user: { name: v.user.name, address: v.user.address }, state: sortedMap(v.state) };
  }
  const ordered = {
    id: inv.id,
    type: inv.type,
    digestAlgorithm: inv.digestAlgorithm,
    head: inv.head,
    ...(inv.contentDirectory !== undefined ? { contentDirectory: inv.contentDirectory } : {}),
    manifest: sortedMap(inv.manifest),
    versions,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function sortedMap(map: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(map).sort()) out[key] = [...(map[key] ?? [])].sort();
  return out;
}

export function versionNumber(name: string): number {
  return /^v\d+$/.test(name) ? Number(name.slice(1)) : Number.NaN;
}

/**
 * Reads back a previous inventory cablekit wrote, or says why it cannot be continued. Only what
 * adding a version depends on is checked; the full check is the validators' job.
 */
export function parseInventory(text: string, expectedId: string): { inventory?: OcflInventory; problem?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `inventory.json is not JSON: ${(error as Error).message}` };
  }
  const inv = json as Partial<OcflInventory>;
  if (typeof inv !== 'object' || inv === null) return { problem: 'inventory.json is not an object' };
  if (inv.id !== expectedId) return { problem: `inventory.json belongs to object "${String(inv.id)}", not "${expectedId}"` };
  if (inv.digestAlgorithm !== 'sha512') return { problem: `inventory.json uses ${String(inv.digestAlgorithm)}, cablekit continues only sha512 objects` };
  if (typeof inv.head !== 'string' || !Number.isInteger(versionNumber(inv.head))) return { problem: 'inventory.json has no head version of the form v<n>' };
  if (typeof inv.manifest !== 'object' || typeof inv.versions !== 'object' || !inv.versions?.[inv.head]) {
    return { problem: 'inventory.json lacks its manifest or its head version' };
  }
  if (inv.contentDirectory !== undefined && inv.contentDirectory !== 'content') return { problem: 'inventory.json names a content directory other than "content"' };
  return { inventory: inv as OcflInventory };
}
