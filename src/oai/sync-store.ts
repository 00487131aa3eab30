import { createHash } from 'node:crypto';
import type { CablekitConfig } from '../config/config.js';
import type { DecodedCable } from '../stage/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cableToDcFields, oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog } from '../dc/index.js';
import { toDatestamp } from './datestamp.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import type { RecordState, StoreChanges, SyncOutcome } from './store/oai-store.js';
import { openStore } from './store/open-store.js';
import { setsForCable } from './record-sets.js';

/** The record a cable should have now, without its datestamp: plain JSON, so the build can keep it between runs. */
export type OaiDraft = Omit<OaiRecord, 'datestamp'>;

/** What tells a record from another version of it: its id, and the hash of everything a harvester receives. */
export type OaiDraftHead = Pick<OaiDraft, 'id' | 'hash'>;

/**
 * A draft with the TEI file it came from, for diagnostics: the whole draft, or only its head and a
 * way to load the rest (a record the build kept from an earlier run: its body is read only when
 * the store must be written).
 */
export type SourcedDraft = { draft: OaiDraft; file?: string } | { draft: OaiDraftHead; file?: string; load: () => OaiDraft };

/** The whole draft, loaded when only its head is at hand. */
function wholeDraft(sourced: SourcedDraft): OaiDraft {
  return 'load' in sourced ? sourced.load() : sourced.draft;
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
  for (const sourced of drafts) {
    const { draft: fresh, file } = sourced;
    const id = fresh.id;
    if (seen.has(id)) {
      diagnostics.push(duplicateId(id, file));
      continue;
    }
    seen.add(id);
    const old = previous.get(id);
    if (old && !old.deleted && old.hash === fresh.hash) {
      counts.unchanged++;
      continue;
    }
    changes.upserts.push({ ...wholeDraft(sourced), datestamp });
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
): ReturnType<typeof syncOaiStoreDrafts> {
  return syncOaiStoreDrafts(draftsOf(cables, config), config, root, now, kept);
}

/**
 * What the build recorded after its last sync that went through: the store's generation the sync
 * left, the records it gave that sync and the documents it held back then. While the store still
 * has that generation, it holds exactly what that sync wrote, and the next sync compares the
 * build's records with these instead of reading every stored hash.
 */
export interface LastSync {
  generation: string;
  records: readonly SourcedDraft[];
  kept: readonly string[];
  /** The build knows nothing changed since (same records, same settings): only the generation is checked. */
  unchanged?: boolean;
}

/** How a sync found what changed, for the report and the tests. */
export interface SyncPlan {
  /**
   * "unchanged": the store was as the last sync left it and the build changed nothing;
   * "incremental": the store was as the last sync left it, and only the records that differ from
   * that sync's were looked up; "full": every stored hash was read (no last sync known, or the store
   * was written since by anything else).
   */
  mode: 'unchanged' | 'incremental' | 'full';
  /** Why a full comparison was needed. */
  reason?: string;
  /** Record states read from the database. */
  statesRead: number;
  /** Rows written, as the database counts them. */
  rowsWritten: number;
  counts: SyncCounts;
}

/** Beyond this share of the corpus to look up one by one, one read of every state is cheaper. */
const LOOKUP_SHARE = 0.25;

/**
 * The records to look up when the store is as `last` left it: those whose record differs from the
 * one synced then (or is new), and those synced or held back then that are neither in the corpus
 * nor held back now (they may need a tombstone). Everything else is unchanged by construction.
 *
 * A build hands back the very record objects it kept for unchanged documents, in file order, so
 * the two lists are walked side by side and compared by identity first — no hashing, no map of a
 * million ids; only the records that differ there (few, unless documents were added or removed
 * early in the order) are matched by id. Undefined when the records' ids collide (the full
 * comparison then reports it, as it always did).
 */
function changedSince(
  last: LastSync,
  drafts: readonly SourcedDraft[],
  kept: ReadonlySet<string>,
): { changed: SourcedDraft[]; gone: string[]; unchanged: number; before: ReadonlySet<string> } | undefined {
  const previous = last.records;
  const common = Math.min(previous.length, drafts.length);
  const restBefore: SourcedDraft[] = [];
  const restNow: SourcedDraft[] = [];
  let unchanged = 0;
  for (let n = 0; n < common; n++) {
    const was = previous[n]!;
    const is = drafts[n]!;
    if (was.draft === is.draft) unchanged++;
    else {
      restBefore.push(was);
      restNow.push(is);
    }
  }
  for (let n = common; n < previous.length; n++) restBefore.push(previous[n]!);
  for (let n = common; n < drafts.length; n++) restNow.push(drafts[n]!);
  const before = new Map<string, string>();
  for (const { draft } of restBefore) if (!before.has(draft.id)) before.set(draft.id, draft.hash);
  const now = new Set<string>();
  const changed: SourcedDraft[] = [];
  for (const sourced of restNow) {
    const { id, hash } = sourced.draft;
    if (now.has(id)) return undefined;
    now.add(id);
    if (before.get(id) === hash) unchanged++;
    else changed.push(sourced);
  }
  const gone = new Set<string>();
  for (const id of [...before.keys(), ...last.kept]) if (!now.has(id) && !kept.has(id)) gone.add(id);
  return { changed, gone: [...gone], unchanged, before: new Set([...before.keys(), ...last.kept]) };
}

function duplicateId(id: string, file: string | undefined): Diagnostic {
  return { code: 'oai/duplicate-id', severity: 'error', message: `two cables have the id "${id}"; only the first is in the OAI store`, ...(file !== undefined ? { file } : {}) };
}

/**
 * Brings the durable OAI store in line with records already made (the build keeps them per
 * document and makes them only for documents that changed), writing only what changed, in one
 * transaction. The store is opened (and created or migrated) here and closed again.
 *
 * With `last` (what the build recorded after its last sync) and a store whose generation is still
 * the one that sync left, only the records that differ from that sync's are looked up and written:
 * no stored hash is read for the others. Otherwise — a new store, one migrated from JSON, written by
 * another edition's build, restored from a backup or edited by hand, or no record of a last sync
 * (a deleted build cache) — every stored hash is read and compared, as a first build does.
 * The returned generation is what the build records for next time.
 */
export async function syncOaiStoreDrafts(
  drafts: readonly SourcedDraft[],
  config: CablekitConfig,
  root: string,
  now: Date = new Date(),
  kept: ReadonlySet<string> = new Set(),
  last?: LastSync,
): Promise<{ diagnostics: Diagnostic[]; generation?: string; plan?: SyncPlan }> {
  const opened = await openStore(root, config);
  if (!opened.store) return { diagnostics: opened.diagnostics };
  const { store } = opened;
  const diagnostics = [...opened.diagnostics];
  try {
    type Found = { mode: SyncPlan['mode']; reason?: string; counts: SyncCounts; diagnostics: Diagnostic[] };
    let outcome: SyncOutcome<Found>;
    try {
      outcome = await store.sync<Found>(async (reader) => {
        const trusted = last !== undefined && last.generation === reader.generation;
        if (trusted && last.unchanged === true) {
          return { changes: { upserts: [], tombstones: [] }, value: { mode: 'unchanged', counts: { added: 0, updated: 0, deleted: 0, unchanged: drafts.length }, diagnostics: [] } };
        }
        let reason = 'no earlier sync recorded by this build cache';
        if (last !== undefined && !trusted) reason = 'the store was written since the last sync (a new or migrated store, another build, a restored backup or a hand edit)';
        else if (trusted) {
          const since = changedSince(last, drafts, kept);
          if (since === undefined) reason = 'two records have one id';
          else if (since.changed.length + since.gone.length > Math.max(1000, drafts.length * LOOKUP_SHARE)) reason = 'too many records changed to look them up one by one';
          else {
            const states = await reader.statesOf([...since.changed.map((s) => s.draft.id), ...since.gone]);
            // A live record under a changed record's id that was not among the records that differ
            // belongs to an unchanged one: two documents claim one id (the full comparison reports it).
            if (states.some((s) => !s.deleted && !since.before.has(s.id))) reason = 'two records have one id';
            else {
              const plan = planSyncDrafts(states, since.changed, now, kept);
              plan.counts.unchanged += since.unchanged;
              return { changes: plan.changes, value: { mode: 'incremental', counts: plan.counts, diagnostics: plan.diagnostics } };
            }
          }
        }
        const plan = planSyncDrafts(await reader.states(), drafts, now, kept);
        return { changes: plan.changes, value: { mode: 'full', reason, counts: plan.counts, diagnostics: plan.diagnostics } };
      });
    } catch (e) {
      diagnostics.push({ code: 'oai/store-unwritable', severity: 'error', message: `cannot write the OAI store: ${(e as Error).message}`, file: store.location });
      return { diagnostics };
    }
    const { mode, reason, counts, diagnostics: found } = outcome.value;
    diagnostics.push(...found);
    const plan: SyncPlan = { mode, ...(reason !== undefined ? { reason } : {}), statesRead: outcome.statesRead, rowsWritten: outcome.rowsWritten, counts };
    // A build that changed nothing in a store as it left it says nothing, as before.
    if (mode !== 'unchanged') {
      const { added, updated, deleted, unchanged } = counts;
      diagnostics.push({
        code: 'oai/store-synced',
        severity: 'info',
        message:
          `OAI store (${store.kind}): ${added} added, ${updated} updated, ${deleted} deleted, ${unchanged} unchanged` +
          (mode === 'incremental' ? ` (looked up ${outcome.statesRead} stored records: the store was as the last build left it)` : ` (compared all ${outcome.statesRead} stored records: ${reason})`),
        file: store.location,
      });
    }
    return { diagnostics, generation: outcome.generation, plan };
  } finally {
    await store.close();
  }
}
