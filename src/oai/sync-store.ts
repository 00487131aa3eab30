import { createHash } from 'node:crypto';
import type { CablekitConfig } from '../config/config.js';
import type { DecodedCable } from '../stage/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cableToDcFields, oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog } from '../dc/index.js';
import { toDatestamp } from './datestamp.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import { setsForCable } from './record-sets.js';
import { readStoreFile, writeStoreFile } from './store-file.js';

/** The record a cable should have now, without its datestamp: plain JSON, so the build can keep it between runs. */
export type OaiDraft = Omit<OaiRecord, 'datestamp'>;

export function oaiDraftOf(decoded: DecodedCable, config: CablekitConfig): OaiDraft {
  const fields = cableToDcFields(decoded.cable, config);
  const oaiDc = stripXmlProlog(oaiDcFromFields(fields));
  const qdc = stripXmlProlog(qualifiedDcFromFields(fields));
  const sets = setsForCable(decoded.cable);
  // Everything a harvester can receive goes into the hash: the TEI bytes, both DC records, the sets.
  const hash = createHash('sha256')
    .update(JSON.stringify([decoded.teiSha256, decoded.teiPath, oaiDc, qdc, sets]))
    .digest('hex');
  return { id: decoded.cable.id, hash, deleted: false, sets, dc: fields, teiPath: decoded.teiPath };
}

/** Pure part of the sync: the next store given the current one, the corpus and the time. */
export function syncStoreData(
  current: OaiStoreData,
  cables: readonly DecodedCable[],
  config: CablekitConfig,
  now: Date,
  /** Ids whose record stays exactly as it is (the build held the document back this run). */
  kept: ReadonlySet<string> = new Set(),
): SyncOutcome {
  return syncStoreDrafts(
    current,
    cables.map((decoded) => ({ draft: oaiDraftOf(decoded, config), file: decoded.teiPath })),
    now,
    kept,
  );
}

interface SyncOutcome {
  data: OaiStoreData;
  changed: { added: number; updated: number; deleted: number; unchanged: number };
  diagnostics: Diagnostic[];
}

/** The same over records already made (the build keeps them per document and skips unchanged ones). */
export function syncStoreDrafts(
  current: OaiStoreData,
  drafts: readonly { draft: OaiDraft; file?: string }[],
  now: Date,
  kept: ReadonlySet<string> = new Set(),
): SyncOutcome {
  const datestamp = toDatestamp(now);
  const diagnostics: Diagnostic[] = [];
  const previous = new Map(current.records.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const records: OaiRecord[] = [];
  const changed = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const { draft: fresh, file } of drafts) {
    const id = fresh.id;
    if (seen.has(id)) {
      diagnostics.push({ code: 'oai/duplicate-id', severity: 'error', message: `two cables have the id "${id}"; only the first is in the OAI store`, ...(file !== undefined ? { file } : {}) });
      continue;
    }
    seen.add(id);
    const old = previous.get(id);
    if (old && !old.deleted && old.hash === fresh.hash) {
      records.push(old);
      changed.unchanged++;
    } else {
      records.push({ ...fresh, datestamp });
      if (old) changed.updated++;
      else changed.added++;
    }
  }
  for (const old of current.records) {
    if (seen.has(old.id)) continue;
    if (old.deleted || kept.has(old.id)) {
      records.push(old);
      continue;
    }
    // The cable left the corpus: keep a tombstone for harvesters (deletedRecord = persistent).
    records.push({ id: old.id, datestamp, hash: 'deleted', deleted: true, sets: old.sets });
    changed.deleted++;
  }
  return { data: { ...current, records }, changed, diagnostics };
}

/**
 * Brings the durable OAI store in line with the corpus: new and changed records get the datestamp
 * `now`, unchanged ones keep theirs, and cables that left become tombstones. The file is rewritten
 * atomically, and only when something changed.
 */
export function syncOaiStore(
  cables: readonly DecodedCable[],
  config: CablekitConfig,
  storePath: string,
  now: Date = new Date(),
  kept: ReadonlySet<string> = new Set(),
): { diagnostics: Diagnostic[] } {
  return syncOaiStoreDrafts(
    cables.map((decoded) => ({ draft: oaiDraftOf(decoded, config), file: decoded.teiPath })),
    storePath,
    now,
    kept,
  );
}

/** The same over records already made. */
export function syncOaiStoreDrafts(
  drafts: readonly { draft: OaiDraft; file?: string }[],
  storePath: string,
  now: Date = new Date(),
  kept: ReadonlySet<string> = new Set(),
): { diagnostics: Diagnostic[] } {
  const read = readStoreFile(storePath);
  if (!read.data) return { diagnostics: read.diagnostics };
  const { data, changed, diagnostics } = syncStoreDrafts(read.data, drafts, now, kept);
  if (changed.added + changed.updated + changed.deleted > 0 || read.data.records.length === 0) {
    try {
      writeStoreFile(storePath, data);
    } catch (e) {
      diagnostics.push({ code: 'oai/store-unwritable', severity: 'error', message: `cannot write the OAI store: ${(e as Error).message}`, file: storePath });
      return { diagnostics };
    }
  }
  diagnostics.push({
    code: 'oai/store-synced',
    severity: 'info',
    message: `OAI store: ${changed.added} added, ${changed.updated} updated, ${changed.deleted} deleted, ${changed.unchanged} unchanged`,
    file: storePath,
  });
  return { diagnostics };
}
