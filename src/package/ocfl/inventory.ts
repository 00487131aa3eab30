/** The OCFL 1.1 inventory (https://ocfl.io/1.1/spec/#inventory), as cablekit writes it. */
export interface OcflVersion {
  created: string;
  /** Always in the versions cablekit adds; optional in others' (the specification only advises them). */
  message?: string;
  user?: { name: string; address?: string };
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
  /** algorithm → digest → content paths: kept as the object had it, never added to. */
  fixity?: Record<string, Record<string, string[]>>;
}

export const INVENTORY_TYPE = 'https://ocfl.io/1.1/spec/#inventory';
/** The object's conformance declaration (NAMASTE file name; its content is the part after "0=" and a newline). */
export const OBJECT_DECLARATION = '0=ocfl_object_1.1';

/** The inventory as bytes: fixed key order, digests sorted, two-space indent, final newline. */
export function serializeInventory(inv: OcflInventory): string {
  const versions: Record<string, OcflVersion> = {};
  for (const name of Object.keys(inv.versions).sort((a, b) => versionNumber(a) - versionNumber(b))) {
    const v = inv.versions[name] as OcflVersion;
    versions[name] = {
      created: v.created,
      ...(v.message !== undefined ? { message: v.message } : {}),
      ...(v.user !== undefined ? { user: { name: v.user.name, ...(v.user.address !== undefined ? { address: v.user.address } : {}) } } : {}),
      state: sortedMap(v.state),
    };
  }
  const ordered = {
    id: inv.id,
    type: inv.type,
    digestAlgorithm: inv.digestAlgorithm,
    head: inv.head,
    ...(inv.contentDirectory !== undefined ? { contentDirectory: inv.contentDirectory } : {}),
    ...(inv.fixity !== undefined ? { fixity: Object.fromEntries(Object.keys(inv.fixity).sort().map((alg) => [alg, sortedMap(inv.fixity?.[alg] ?? {})])) } : {}),
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
 * The name of the version after `head`, in its naming convention: v3 → v4, v003 → v004
 * (https://ocfl.io/1.1/spec/#version-directories); undefined when zero-padding leaves no room (v09).
 */
export function nextVersionName(head: string): string | undefined {
  const next = versionNumber(head) + 1;
  if (!head.startsWith('v0')) return `v${next}`;
  const digits = head.length - 1;
  return String(next).length < digits ? `v${String(next).padStart(digits, '0')}` : undefined;
}

/** The name of version `n` in the convention `head` uses (zero-padded or not). */
function versionName(n: number, head: string): string {
  return head.startsWith('v0') ? `v${String(n).padStart(head.length - 1, '0')}` : `v${n}`;
}

type Problem = string | undefined;

/**
 * Reads back a previous inventory, or says why it cannot be continued. Only what adding a version
 * depends on, or would carry forward broken, is checked; the full check is the validators' job.
 */
export function parseInventory(text: string, expectedId: string): { inventory?: OcflInventory; problem?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `inventory.json is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(json)) return { problem: 'inventory.json is not an object' };
  const inv = json as Partial<OcflInventory>;
  if (typeof inv.id !== 'string' || inv.id === '') return { problem: 'inventory.json has no id' };
  if (inv.id !== expectedId) return { problem: `inventory.json belongs to object "${inv.id}", not "${expectedId}"` };
  if (inv.type !== INVENTORY_TYPE) return { problem: `inventory.json is of type ${String(inv.type)}, cablekit continues only OCFL 1.1 objects (${INVENTORY_TYPE})` };
  if (inv.digestAlgorithm !== 'sha512') return { problem: `inventory.json uses ${String(inv.digestAlgorithm)}, cablekit continues only sha512 objects` };
  if (typeof inv.head !== 'string' || !Number.isInteger(versionNumber(inv.head))) return { problem: 'inventory.json has no head version of the form v<n>' };
  if (!isObject(inv.manifest) || !isObject(inv.versions) || !isObject(inv.versions[inv.head])) {
    return { problem: 'inventory.json lacks its manifest or its head version' };
  }
  if (inv.contentDirectory !== undefined && inv.contentDirectory !== 'content') return { problem: 'inventory.json names a content directory other than "content"' };
  const problem =
    versionsProblem(inv.head, Object.keys(inv.versions)) ??
    manifestProblem(inv.manifest, Object.keys(inv.versions)) ??
    firstProblem(Object.entries(inv.versions), ([name, v]) => versionProblem(name, v, inv.manifest as Record<string, unknown>)) ??
    unusedProblem(inv.manifest, Object.values(inv.versions)) ??
    (inv.fixity === undefined ? undefined : fixityProblem(inv.fixity));
  return problem !== undefined ? { problem } : { inventory: inv as OcflInventory };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstProblem<T>(items: Iterable<T>, check: (item: T) => Problem): Problem {
  for (const item of items) {
    const problem = check(item);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Versions v1 to the head, none missing, all named alike; and room for one more. */
function versionsProblem(head: string, names: string[]): Problem {
  const count = versionNumber(head);
  const expected = Array.from({ length: count }, (_, i) => versionName(i + 1, head));
  if (names.length !== count || !expected.every((name) => names.includes(name))) {
    return `inventory.json lists versions ${names.join(', ')}, not ${expected.join(', ')} up to its head ${head}`;
  }
  if (nextVersionName(head) === undefined) return `inventory.json's head ${head} is the last version its zero-padded names allow`;
  return undefined;
}

/**
 * Content paths: plain relative paths inside a listed version's content directory, each listed
 * once, none inside another; digests sha512 hex, each once whatever its case.
 */
function manifestProblem(manifest: Record<string, unknown>, versions: string[]): Problem {
  return (
    digestsProblem('manifest', manifest, /^[0-9a-f]{128}$/i) ??
    pathsProblem('content path in the manifest', Object.values(manifest).flat()) ??
    firstProblem(Object.values(manifest).flat() as string[], (p) =>
      versions.some((v) => p.startsWith(`${v}/content/`)) ? undefined : `inventory.json's manifest has "${p}", outside every version's content directory`,
    )
  );
}

/** A block keyed by digests (manifest, state, a fixity algorithm's): each key once whatever its case, each value a list. */
function digestsProblem(block: string, map: Record<string, unknown>, digest: RegExp): Problem {
  const seen = new Set<string>();
  for (const [key, paths] of Object.entries(map)) {
    if (!digest.test(key)) return `inventory.json's ${block} has "${key}" where a digest belongs`;
    if (seen.has(key.toLowerCase())) return `inventory.json's ${block} lists the digest ${key} twice (digests differ only in case)`;
    seen.add(key.toLowerCase());
    if (!Array.isArray(paths) || paths.length === 0) return `inventory.json's ${block} gives digest ${key} no list of paths`;
  }
  return undefined;
}

/** OCFL paths: /-separated, no empty, . or .. element, each once, none a folder of another. */
function pathsProblem(what: string, paths: unknown[]): Problem {
  const seen = new Set<string>();
  for (const p of paths) {
    if (typeof p !== 'string' || p.split('/').some((e) => e === '' || e === '.' || e === '..')) return `inventory.json has a ${what}, "${String(p)}", that is not a plain relative path`;
    if (seen.has(p)) return `inventory.json lists the ${what} "${p}" twice`;
    seen.add(p);
  }
  for (const p of seen) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (seen.has(folder)) return `inventory.json has the ${what} "${folder}" both as a file and as the folder of "${p}"`;
    }
  }
  return undefined;
}

const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** One version block: an RFC 3339 time to the second with its offset, a state over the manifest's digests. */
function versionProblem(name: string, v: unknown, manifest: Record<string, unknown>): Problem {
  if (!isObject(v)) return `inventory.json's version ${name} is not an object`;
  if (typeof v['created'] !== 'string' || !CREATED.test(v['created'])) return `inventory.json's version ${name} was created at ${JSON.stringify(v['created'])}, not an RFC 3339 time to the second with its offset`;
  if (v['message'] !== undefined && typeof v['message'] !== 'string') return `inventory.json's version ${name} has a message that is not a string`;
  const user = v['user'];
  if (user !== undefined && (!isObject(user) || typeof user['name'] !== 'string' || (user['address'] !== undefined && typeof user['address'] !== 'string'))) {
    return `inventory.json's version ${name} has a user without a name`;
  }
  const state = v['state'];
  if (!isObject(state)) return `inventory.json's version ${name} has no state`;
  return (
    digestsProblem(`${name} state`, state, /^[0-9a-f]{128}$/i) ??
    firstProblem(Object.keys(state), (d) => (d in manifest ? undefined : `inventory.json's version ${name} has the digest ${d}, which its manifest lacks (digests must match in case too)`)) ??
    pathsProblem(`logical path in ${name}`, Object.values(state).flat())
  );
}

/** Every manifest entry is some version's content. */
function unusedProblem(manifest: Record<string, unknown>, versions: unknown[]): Problem {
  const used = new Set(versions.flatMap((v) => Object.keys((v as OcflVersion).state)));
  return firstProblem(Object.keys(manifest), (d) => (used.has(d) ? undefined : `inventory.json's manifest has the digest ${d}, which no version uses`));
}

/** Fixity is carried forward as it is, so it must be well formed: digests once each, plain content paths. */
function fixityProblem(fixity: unknown): Problem {
  if (!isObject(fixity)) return 'inventory.json has a fixity block that is not an object';
  return firstProblem(Object.entries(fixity), ([alg, block]) =>
    !isObject(block) ? `inventory.json's fixity block for ${alg} is not an object` : (digestsProblem(`${alg} fixity`, block, /^[0-9a-z]+$/i) ?? pathsProblem(`content path in the ${alg} fixity`, Object.values(block).flat())),
  );
}
