import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CablekitConfig } from '../src/config/config.js';
import { oaiDraftOf, openStore, syncOaiStoreDrafts, type LastSync, type OaiDraft, type SourcedDraft, type SyncPlan } from '../src/oai/index.js';
import { generatedCable } from './oai-bench.js';

/**
 * What a build cache holds about the last sync, for the bench: the store's generation after it and
 * each record's (id, hash) — in a real build these come from `.cablekit/build-cache.sqlite`, where each
 * document keeps its whole record; the sync compares only ids and hashes of unchanged records.
 */
interface LastSyncFile {
  generation: string;
  records: [string, string][];
}

function draftsOf(records: readonly [string, string][]): SourcedDraft[] {
  // Unchanged records need only their id and hash: the sync compares nothing else of them.
  return records.map(([id, hash]) => ({ draft: { id, hash } as OaiDraft }));
}

/** Reads the bench's "build cache" beside the store, or makes it from the store (once, untimed: a first build's). */
async function lastSync(path: string, root: string, config: CablekitConfig): Promise<LastSyncFile> {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as LastSyncFile;
  const { store, diagnostics } = await openStore(root, config);
  if (!store) throw new Error(diagnostics.map((d) => d.message).join('; '));
  try {
    const states = await store.states();
    return { generation: await store.generation(), records: states.filter((s) => !s.deleted).map((s) => [s.id, s.hash]) };
  } finally {
    await store.close();
  }
}

export interface ChangedTen {
  /** The sync alone: open, generation check, comparison, look-ups, one transaction, close. */
  syncMs: number;
  /** The crosswalk of the 10 changed cables (the build's document phase does it). */
  crosswalkMs: number;
  plan: SyncPlan;
}

/**
 * A build that changes 10 of the store's records (every `count / 10`-th generated cable gets new
 * TEI bytes), through the real sync: `incremental` hands it the last sync as the build does; `full`
 * does not (a build without its cache), so every stored hash is read. The last sync is kept in
 * `lastSyncPath` and updated after the run, as the build updates its cache.
 */
export async function changeTen(root: string, config: CablekitConfig, count: number, lastSyncPath: string, mode: 'incremental' | 'full'): Promise<ChangedTen> {
  const last = await lastSync(lastSyncPath, root, config);
  const records = draftsOf(last.records);
  const index = new Map(records.map((r, n) => [r.draft.id, n]));
  const mark = createHash('sha256').update(`${process.pid} ${Date.now()}`).digest('hex');
  const next = records.slice();
  const c0 = performance.now();
  const every = Math.max(1, Math.floor(count / 10));
  for (let n = 0; n < count; n += every) {
    const decoded = { ...generatedCable(n), teiSha256: mark };
    const at = index.get(decoded.cable.id);
    if (at === undefined) throw new Error(`the store has no record ${decoded.cable.id}`);
    next[at] = { draft: oaiDraftOf(decoded, config), file: decoded.teiPath };
  }
  const crosswalkMs = performance.now() - c0;
  const since: LastSync | undefined = mode === 'incremental' ? { generation: last.generation, records, kept: [] } : undefined;
  const t0 = performance.now();
  const synced = await syncOaiStoreDrafts(next, config, root, new Date(), new Set(), since);
  const syncMs = performance.now() - t0;
  const errors = synced.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !synced.plan || synced.generation === undefined) throw new Error(`the sync failed: ${errors.map((d) => d.message).join('; ')}`);
  const kept: LastSyncFile = { generation: synced.generation, records: next.map((r) => [r.draft.id, r.draft.hash]) };
  writeFileSync(`${lastSyncPath}.tmp`, JSON.stringify(kept));
  renameSync(`${lastSyncPath}.tmp`, lastSyncPath);
  return { syncMs, crosswalkMs, plan: synced.plan };
}
