import type { DcFields } from '../../dc/index.js';
import type { OaiRecord, OaiSet } from '../oai-record.js';

/** A record as both databases keep it: sets and DC values as JSON text. */
export interface RecordRow {
  id: string;
  datestamp: string;
  hash: string;
  deleted: boolean | number;
  sets: string;
  dc: string | null;
  tei_path: string | null;
}

export function toRecord(row: RecordRow): OaiRecord {
  const record: OaiRecord = {
    id: row.id,
    datestamp: row.datestamp,
    hash: row.hash,
    deleted: row.deleted === true || row.deleted === 1,
    sets: JSON.parse(row.sets) as OaiSet[],
  };
  if (row.dc !== null) record.dc = JSON.parse(row.dc) as DcFields;
  if (row.tei_path !== null) record.teiPath = row.tei_path;
  return record;
}

export function toRow(record: OaiRecord): RecordRow {
  return {
    id: record.id,
    datestamp: record.datestamp,
    hash: record.hash,
    deleted: record.deleted,
    sets: JSON.stringify(record.sets),
    dc: record.dc === undefined ? null : JSON.stringify(record.dc),
    tei_path: record.teiPath ?? null,
  };
}

/** Bounds that stand for "no bound", so one prepared statement serves every query. */
export const LOWEST = '';
export const HIGHEST = '9999-12-31T23:59:59Z~';
