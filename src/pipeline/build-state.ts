/**
 * What the build remembers about each TEI file it wrote (kept in `<teiDir>/.cablekit-state.json`):
 * enough to tell "the source changed" from "a person edited the TEI", and to reuse the recorded
 * `when` so an unchanged document encodes to the very same bytes.
 */
export interface TeiStateEntry {
  /** Source path relative to the project root. */
  source: string;
  sourceSha256: string;
  /** sha256 of the TEI bytes as the build last wrote them. */
  teiSha256: string;
  /** The `when` passed to the encoder (revisionDesc/change/@when). */
  when: string;
  toolVersion: string;
}

export interface BuildState {
  formatVersion: 1;
  documents: Record<string, TeiStateEntry>;
}

export { STATE_FILE_NAME } from '../edition/layout.js';

export function emptyBuildState(): BuildState {
  return { formatVersion: 1, documents: {} };
}

/** Parses a state file; anything unexpected yields undefined (the caller starts afresh and says so). */
export function parseBuildState(text: string): BuildState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as { formatVersion?: unknown; documents?: unknown };
  if (record.formatVersion !== 1 || typeof record.documents !== 'object' || record.documents === null) return undefined;
  const documents: Record<string, TeiStateEntry> = {};
  for (const [id, value] of Object.entries(record.documents as Record<string, unknown>)) {
    if (isStateEntry(value)) documents[id] = value;
  }
  return { formatVersion: 1, documents };
}

function isStateEntry(value: unknown): value is TeiStateEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['source', 'sourceSha256', 'teiSha256', 'when', 'toolVersion'].every((k) => typeof v[k] === 'string');
}

/** Stable serialisation (sorted ids, fixed key order) so the state file itself only changes when state does. */
export function serializeBuildState(state: BuildState): string {
  const ids = Object.keys(state.documents).sort();
  const documents: Record<string, TeiStateEntry> = {};
  for (const id of ids) {
    const e = state.documents[id];
    if (!e) continue;
    documents[id] = {
      source: e.source,
      sourceSha256: e.sourceSha256,
      teiSha256: e.teiSha256,
      when: e.when,
      toolVersion: e.toolVersion,
    };
  }
  return `${JSON.stringify({ formatVersion: 1, documents }, null, 2)}\n`;
}
