/** One set a record belongs to: `archive:<slug>`, `year:<yyyy>` or `type:<slug>`, with a readable name. */
export interface OaiSet {
  spec: string;
  name: string;
}

import type { DcFields } from '../dc/index.js';

/**
 * One record of the OAI store. The crosswalk's DC values are kept in the store (compact; both DC
 * formats are rendered from them per request); the TEI is read from `teiPath` when asked for.
 */
export interface OaiRecord {
  /** The cable's document id (the local part of the OAI identifier). */
  id: string;
  /** When the record last changed, UTC seconds: "2026-01-31T12:00:00Z". */
  datestamp: string;
  /** sha256 over everything the record disseminates: equal hash, equal datestamp. */
  hash: string;
  /** A tombstone: the cable left the corpus. */
  deleted: boolean;
  sets: OaiSet[];
  /** The Dublin Core values of the cable (absent on tombstones). */
  dc?: DcFields;
  /** TEI file, relative to the project root (absent on tombstones). */
  teiPath?: string;
  /**
   * The record's oai_dc and qdc metadata as disseminated (no XML declaration), serialized once at
   * build time so list pages only concatenate them. Filled by the build and by every store read;
   * a record without them is rendered from `dc`.
   */
  oaiDc?: string;
  qdc?: string;
}

/** What the store file holds. */
export interface OaiStoreData {
  format: 'cablekit-oai-store';
  version: 1;
  /** HMAC key of the resumption tokens: kept here so tokens survive restarts. */
  tokenKey: string;
  records: OaiRecord[];
}
