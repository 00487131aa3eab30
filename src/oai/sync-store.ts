import { createHash } from 'node:crypto';
import type { CablekitConfig } from '../config/config.js';
import type { DecodedCable } from '../stage/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cableToDcFields, oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog } from '../dc/index.js';
import { toDatestamp } from './datestamp.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import { setsForCable } from './record-sets.js';
import { readStoreFile, writeStoreFile } from './store-file.js';

/** The record a cable should have now, without its datestamp. */
function freshRecord(decoded: DecodedCable, config: CablekitConfig): Omit<OaiRecord, 'datestamp'> {
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
): { data: OaiStoreData; changed: { added: number; updated: number; deleted: number; unchanged: number }; diagnostics: Diagnostic[] } {
  const datestamp = toDatestamp(now);
  const diagnostics: Diagnostic[] = [];
  const previous = new Map(current.records.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const records: OaiRecord[] = [];
  const changed = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const decoded of cables) {
    const id = decoded.cable.id;
    if (seen.has(id)) {
      diagnostics.push({ code: 'oai/duplicate-id', severity: 'error', message: `two cables have the id "${id}"; only the first is in the OAI store`, file: decoded.teiPath });
      continue;
    }
    seen.add(id);
    const fresh = freshRecord(decoded, config);
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
    if (old.deleted) {
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
): { diagnostics: Diagnostic[] } {
  const read = readStoreFile(storePath);
  if (!read.data) return { diagnostics: read.diagnostics };
  const { data, changed, diagnostics } = syncStoreData(read.data, cables, config, now);
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
