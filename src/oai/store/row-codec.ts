import type { DcFields } from '../../dc/index.js';
import type { OaiRecord, OaiSet } from '../oai-record.js';
import { joinSpecs, splitSpecs, storedDc } from '../stored-metadata.js';
import type { PageRecord } from './oai-store.js';

/**
 * A record as both databases keep it: sets and DC values as JSON text, both DC serializations as
 * disseminated, and the header's setSpecs space-separated (what a list page reads).
 */
export interface RecordRow {
  id: string;
  datestamp: string;
  hash: string;
  deleted: boolean | number;
  sets: string;
  dc: string | null;
  tei_path: string | null;
  oai_dc: string | null;
  qdc: string | null;
  set_specs: string;
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
  if (row.oai_dc !== null) record.oaiDc = row.oai_dc;
  if (row.qdc !== null) record.qdc = row.qdc;
  return record;
}

export function toRow(record: OaiRecord): RecordRow {
  const dc = storedDc(record);
  return {
    id: record.id,
    datestamp: record.datestamp,
    hash: record.hash,
    deleted: record.deleted,
    sets: JSON.stringify(record.sets),
    dc: record.dc === undefined ? null : JSON.stringify(record.dc),
    tei_path: record.teiPath ?? null,
    oai_dc: dc.oaiDc,
    qdc: dc.qdc,
    set_specs: joinSpecs(record),
  };
}

/** What a list page selects: header fields, the TEI path, and one stored serialization as `metadata`. */
export interface PageRow {
  id: string;
  datestamp: string;
  deleted: boolean | number;
  set_specs: string;
  tei_path: string | null;
  metadata: string | null;
}

export function toPageRecord(row: PageRow): PageRecord {
  const record: PageRecord = { id: row.id, datestamp: row.datestamp, deleted: row.deleted === true || row.deleted === 1, setSpecs: splitSpecs(row.set_specs) };
  if (row.metadata !== null) record.metadata = row.metadata;
  if (row.tei_path !== null) record.teiPath = row.tei_path;
  return record;
}

/**
 * The keyset lower bound of a list: strictly after `after`, and not before `from`. One row-value
 * bound `(datestamp, id) > (?, ?)` lets both databases start the index scan at the page's first
 * row (a separate `datestamp >= from` made SQLite scan from `from` on every page: page N cost N).
 * `(from, '')` stands for "from `from` on": no id is empty.
 */
export function lowerBound(from: string | undefined, after: { datestamp: string; id: string } | undefined): [string, string] {
  if (after === undefined) return [from ?? LOWEST, LOWEST];
  if (from !== undefined && from > after.datestamp) return [from, LOWEST];
  return [after.datestamp, after.id];
}

/** Bounds that stand for "no bound", so one prepared statement serves every query. */
export const LOWEST = '';
export const HIGHEST = '9999-12-31T23:59:59Z~';
