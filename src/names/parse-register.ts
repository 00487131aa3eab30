import type { EntityKind } from '../model/cable.js';
import { AUTHORITY_ID_SHAPE, AUTHORITY_SCHEMES, type AuthorityScheme, type NameRegister, type RegisterEntry } from './register.js';

/** A problem in a register file: what is wrong and, for a register read from a file, the line. */
export interface RegisterProblem {
  message: string;
  line?: number;
  /** 1-based index of the entry in the register's list (absent for file-level problems). */
  entry?: number;
}

const KINDS: readonly EntityKind[] = ['person', 'org', 'place'];
const ID_SHAPE = AUTHORITY_ID_SHAPE;

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
}

/** Reads a register in cablekit's JSON shape (authority/names.json); bad entries are reported and left out. */
export function parseRegisterJson(data: unknown, origin: NameRegister['origin']): { register: NameRegister; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const register: NameRegister = { origin, entries: [], ambiguous: [], unlinked: [] };
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { entries?: unknown }).entries)) {
    problems.push({ message: 'The register has no "entries" list.' });
    return { register, problems };
  }
  const d = data as { entries: unknown[]; ambiguous?: unknown; unlinked?: unknown };
  register.ambiguous = strings(d.ambiguous) ?? [];
  register.unlinked = strings(d.unlinked) ?? [];
  const keys = new Set<string>();
  d.entries.forEach((raw, index) => {
    const entry = parseEntry(raw);
    if (typeof entry === 'string') problems.push({ message: `Entry ${index + 1}: ${entry}`, entry: index + 1 });
    else if (keys.has(entry.key)) problems.push({ message: `Entry ${index + 1}: the key "${entry.key}" is used twice.`, entry: index + 1 });
    else {
      keys.add(entry.key);
      register.entries.push(entry);
    }
  });
  return { register, problems };
}

/**
 * Problems of a register read from a file, re-pointed at the file's lines: `lineOf[i]` is the
 * line of entry i + 1. The "Entry N:" prefix goes, since the line now says where.
 */
export function locateProblems(problems: readonly RegisterProblem[], lineOf: readonly number[]): RegisterProblem[] {
  return problems.map((p) => {
    if (p.entry === undefined) return p;
    const line = lineOf[p.entry - 1];
    const message = p.message.replace(/^Entry \d+: /, '');
    return line === undefined ? { message, entry: p.entry } : { message, line, entry: p.entry };
  });
}

function parseEntry(raw: unknown): RegisterEntry | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object.';
  const r = raw as Record<string, unknown>;
  if (typeof r.key !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.key)) return 'key must be lower-case letters, digits and hyphens.';
  if (!KINDS.includes(r.kind as EntityKind)) return 'kind must be person, org or place.';
  if (typeof r.name !== 'string' || r.name.trim() === '') return 'name is missing.';
  if (typeof r.checked !== 'string' || r.checked.trim() === '') return 'checked (where the facts come from) is missing.';
  const authority: RegisterEntry['authority'] = {};
  const a = (r.authority ?? {}) as Record<string, unknown>;
  for (const scheme of AUTHORITY_SCHEMES) {
    const id = a[scheme];
    if (id === undefined) continue;
    if (typeof id !== 'string' || !ID_SHAPE[scheme].test(id)) return `${scheme} id "${String(id)}" is not a ${scheme} id.`;
    authority[scheme] = id;
  }
  if (Object.keys(authority).length === 0) return 'no authority id (wikidata, viaf, gnd or geonames).';
  const entry: RegisterEntry = {
    key: r.key,
    kind: r.kind as EntityKind,
    name: r.name,
    variants: strings(r.variants) ?? [],
    titled: strings(r.titled) ?? [],
    authority,
    checked: r.checked,
  };
  const c = r.coordinates as { lat?: unknown; lon?: unknown } | undefined;
  if (c !== undefined) {
    const { lat, lon } = c;
    if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'coordinates must be WGS84 lat/lon numbers.';
    entry.coordinates = { lat, lon };
  }
  return entry;
}
