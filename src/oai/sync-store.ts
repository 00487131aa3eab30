import { createHash } from 'node:crypto';
import type { CablekitConfig } from '../config/config.js';
import type { DecodedCable } from '../stage/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cableToDcFields, oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog } from '../dc/index.js';
import { toDatestamp } from './datestamp.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import type { RecordState, StoreChanges } from './store/oai-store.js';
import { openStore } from './store/open-store.js';
import { setsForCable } from './record-sets.js';

/** The record a cable should have now, without its datestamp: plain JSON, so the build can keep it between runs. */
export type OaiDraft = Omit<OaiRecord, 'datestamp'>;

/** A draft with the TEI file it came from, for diagnostics. */
export interface SourcedDraft {
  draft: OaiDraft;
  file?: string;
}

export function oaiDraftOf(decoded: DecodedCable, config: CablekitConfig): OaiDraft {
  const fields = cableToDcFields(decoded.cable, config);
  const oaiDc = stripXmlProlog(oaiDcFromFields(fields));
  const qdc = stripXmlProlog(qualifiedDcFromFields(fields));
  const sets = setsForCable(decoded.cable);
  // Everything a harvester can receive goes into the hash: the TEI bytes, both DC records, the sets.
  const hash = createHash('sha256')
    .update(JSON.stringify([decoded.teiSha256, decoded.teiPath, oaiDc, qdc, sets]))
    .digest('hex');
  // The serializations go into the store as disseminated, so a list page needs no rendering.
  return { id: decoded.cable.id, hash, deleted: false, sets, dc: fields, teiPath: decoded.teiPath, oaiDc: oaiDc.trimEnd(), qdc: qdc.trimEnd() };
}

function draftsOf(cables: readonly DecodedCable[], config: CablekitConfig): SourcedDraft[] {
  return cables.map((decoded) => ({ draft: oaiDraftOf(decoded, config), file: decoded.teiPath }));
}

export interface SyncCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/**
 * Pure part of the sync: what must change in a store whose records are in `states`, given the
 * corpus's records and the time. New and changed records get the datestamp `now`, unchanged ones
 * are not touched, and records that left become tombstones (unless held back this run: `kept`).
 */
export function planSyncDrafts(
  states: readonly RecordState[],
  drafts: readonly SourcedDraft[],
  now: Date,
  kept: ReadonlySet<string> = new Set(),
): { changes: StoreChanges; counts: SyncCounts; diagnostics: Diagnostic[] } {
  const datestamp = toDatestamp(now);
  const diagnostics: Diagnostic[] = [];
  const previous = new Map(states.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const changes: StoreChanges = { upserts: [], tombstones: [] };
  const counts: SyncCounts = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const { draft: fresh, file } of drafts) {
    const id = fresh.id;
    if (seen.has(id)) {
      diagnostics.push({ code: 'oai/duplicate-id', severity: 'error', message: `two cables have the id "${id}"; only the first is in the OAI store`, ...(file !== undefined ? { file } : {}) });
      continue;
    }
    seen.add(id);
    const old = previous.get(id);
    if (old && !old.deleted && old.hash === fresh.hash) {
      counts.unchanged++;
      continue;
    }
    changes.upserts.push({ ...fresh, datestamp });
    if (old) counts.updated++;
    else counts.added++;
  }
  for (const old of states) {
    if (seen.has(old.id) || old.deleted || kept.has(old.id)) continue;
    // The cable left the corpus: keep a tombstone for harvesters (deletedRecord = persistent).
    changes.tombstones.push({ id: old.id, datestamp });
    counts.deleted++;
  }
  return { changes, counts, diagnostics };
}

/** planSyncDrafts over decoded cables. */
export function planSync(
  states: readonly RecordState[],
  cables: readonly DecodedCable[],
  config: CablekitConfig,
  now: Date,
  kept: ReadonlySet<string> = new Set(),
): ReturnType<typeof planSyncDrafts> {
  return planSyncDrafts(states, draftsOf(cables, config), now, kept);
}

/** The same sync over records in memory (tests, the benchmark's generated stores). */
export function syncStoreData(
  current: OaiStoreData,
  cables: readonly DecodedCable[],
  config: CablekitConfig,
  now: Date,
  kept: ReadonlySet<string> = new Set(),
): { data: OaiStoreData; changed: SyncCounts; diagnostics: Diagnostic[] } {
  const { changes, counts, diagnostics } = planSync(current.records, cables, config, now, kept);
  const byId = new Map(current.records.map((r) => [r.id, r]));
  for (const r of changes.upserts) byId.set(r.id, r);
  for (const t of changes.tombstones) {
    const old = byId.get(t.id);
    if (old) byId.set(t.id, { id: t.id, datestamp: t.datestamp, hash: 'deleted', deleted: true, sets: old.sets });
  }
  return { data: { ...current, records: [...byId.values()] }, changed: counts, diagnostics };
}

/** Brings the durable OAI store in line with the corpus's cables (see syncOaiStoreDrafts). */
export async function syncOaiStore(
  cables: readonly DecodedCable[],
  config: CablekitConfig,
  root: string,
  now: Date = new Date(),
  kept: ReadonlySet<string> = new Set(),
): Promise<{ diagnostics: Diagnostic[] }> {
  return syncOaiStoreDrafts(draftsOf(cables, config), config, root, now, kept);
}

/**
 * Brings the durable OAI store in line with records already made (the build keeps them per
 * document and makes them only for documents that changed), writing only what changed, in one
 * transaction. The store is opened (and created or migrated) here and closed again.
 */
export async function syncOaiStoreDrafts(
  drafts: readonly SourcedDraft[],
  config: CablekitConfig,
  root: string,
  now: Date = new Date(),
  kept: ReadonlySet<string> = new Set(),
): Promise<{ diagnostics: Diagnostic[] }> {
  const opened = await openStore(root, config);
  if (!opened.store) return { diagnostics: opened.diagnostics };
  const { store } = opened;
  const diagnostics = [...opened.diagnostics];
  try {
    const plan = planSyncDrafts(await store.states(), drafts, now, kept);
    diagnostics.push(...plan.diagnostics);
    try {
      if (plan.changes.upserts.length + plan.changes.tombstones.length > 0) await store.apply(plan.changes);
    } catch (e) {
      diagnostics.push({ code: 'oai/store-unwritable', severity: 'error', message: `cannot write the OAI store: ${(e as Error).message}`, file: store.location });
      return { diagnostics };
    }
    const { added, updated, deleted, unchanged } = plan.counts;
    diagnostics.push({
      code: 'oai/store-synced',
      severity: 'info',
      message: `OAI store (${store.kind}): ${added} added, ${updated} updated, ${deleted} deleted, ${unchanged} unchanged`,
      file: store.location,
    });
    return { diagnostics };
  } finally {
    await store.close();
  }
}
