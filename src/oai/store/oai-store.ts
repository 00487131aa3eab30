import type { OaiRecord, OaiSet } from '../oai-record.js';

/** A harvest position: the last (datestamp, id) a page returned. Records are ordered by this key. */
export interface Position {
  datestamp: string;
  id: string;
}

/** Which records a list request asks for: a set (parents include their children) and inclusive datestamp bounds. */
export interface Selection {
  set?: string;
  /** Inclusive lower bound, a seconds datestamp. */
  from?: string;
  /** Inclusive upper bound, a seconds datestamp. */
  until?: string;
}

/** What a build changes in the store, applied in one transaction. */
export interface StoreChanges {
  /** New and changed records (tombstones included), written whole with their datestamps. */
  upserts: OaiRecord[];
  /** Records that left the corpus: they become tombstones with this datestamp and keep their sets. */
  tombstones: { id: string; datestamp: string }[];
}

/** The part of a record the build compares against: equal hash, equal record. */
export interface RecordState {
  id: string;
  hash: string;
  deleted: boolean;
}

/**
 * What a sync reads inside its writing transaction (other writers wait until it commits, so what
 * it reads is what its changes apply to).
 */
export interface SyncReader {
  /**
   * The store's generation: a random value that changes with every write that changed a record —
   * cablekit's own (a build, a migration, another edition's build on the same database) and, through
   * triggers, any other (a hand edit, a DELETE or TRUNCATE). A build that finds the value its last
   * sync left knows the store holds exactly what that sync wrote.
   */
  generation: string;
  /** The id, hash and tombstone flag of every record (the full comparison). */
  states(): Promise<RecordState[]>;
  /** The same for these ids only (those absent from the store are left out): indexed look-ups. */
  statesOf(ids: readonly string[]): Promise<RecordState[]>;
}

/** What a sync transaction did, as the database counts it. */
export interface SyncOutcome<T> {
  value: T;
  /** The generation after the transaction (a new one when it wrote anything). */
  generation: string;
  /** Record states the sync read from the database (rows its state queries returned). */
  statesRead: number;
  /** Rows inserted, updated or deleted in every table, as the database counts them (SQLite total_changes(); PostgreSQL pg_stat_xact_user_tables). */
  rowsWritten: number;
}

/** The formats whose serialization the store keeps with each record (the TEI stays in its file). */
export type StoredFormat = 'oai_dc' | 'qdc';

/** A record as a list page needs it: header fields and, when asked, one stored serialization. */
export interface PageRecord {
  id: string;
  datestamp: string;
  deleted: boolean;
  /** The record's own setSpecs, as its header lists them (parents are not listed). */
  setSpecs: string[];
  /** The stored metadata in the format asked for (absent on tombstones and when none was asked). */
  metadata?: string;
  /** TEI file, relative to the project root (absent on tombstones). */
  teiPath?: string;
}

/**
 * The OAI-PMH record store: the public interface every reader (the protocol, the HTTP server, IIIF
 * Change Discovery) and the build use. Two implementations: SQLite (embedded, default) and
 * PostgreSQL (shared by several servers). Records are always ordered by (datestamp, id), the same
 * order in both; every list read is a keyset query, so no reader ever holds the whole store.
 * Tombstones (`deleted: true`) are records like the others: they keep their id, sets and the
 * datestamp of their deletion.
 */
export interface OaiStore {
  /** "sqlite" or "postgres", for messages. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where the store is (a file path, or a connection URL without its password). */
  readonly location: string;
  /** HMAC key of the resumption tokens, shared by every server on the same database. */
  readonly tokenKey: string;
  /** One record by id, tombstones included. */
  get(id: string): Promise<OaiRecord | undefined>;
  /** The earliest datestamp of any record, tombstones included. */
  earliestDatestamp(): Promise<string | undefined>;
  /** Every set that holds at least one record (parents included), ordered by spec. */
  sets(): Promise<OaiSet[]>;
  /** Records of the selection after `after` (all from the start when undefined), in (datestamp, id) order, at most `limit`. */
  list(selection: Selection, after: Position | undefined, limit: number): Promise<OaiRecord[]>;
  /**
   * The same records as `list`, in the same order, as list pages need them: no DC values decoded,
   * the metadata in `format` as stored at build time (none when `format` is undefined).
   */
  page(selection: Selection, after: Position | undefined, limit: number, format?: StoredFormat): Promise<PageRecord[]>;
  /** How many records the selection holds; with `through`, only those up to and including that position. */
  count(selection: Selection, through?: Position): Promise<number>;
  /** The id, hash and tombstone flag of every record, for the build's comparison. */
  states(): Promise<RecordState[]>;
  /** The id, hash and tombstone flag of these records only (ids not in the store are left out). */
  statesOf(ids: readonly string[]): Promise<RecordState[]>;
  /** The store's generation (see SyncReader.generation). */
  generation(): Promise<string>;
  /** Writes the changes in one transaction: all or nothing (a new generation when anything was written). */
  apply(changes: StoreChanges): Promise<void>;
  /**
   * One transaction that excludes other writers: `plan` reads what it needs (the generation, some
   * or all states) and returns the changes, which are written before the transaction commits.
   */
  sync<T>(plan: (reader: SyncReader) => Promise<{ changes: StoreChanges; value: T }>): Promise<SyncOutcome<T>>;
  close(): Promise<void>;
}

/** The setSpecs a record is listed under: its own and their parents ("archive:x" is also in "archive"). */
export function listedSpecs(record: Pick<OaiRecord, 'sets'>): string[] {
  const specs = new Set<string>();
  for (const s of record.sets) {
    const parent = s.spec.split(':')[0] ?? s.spec;
    specs.add(parent);
    specs.add(s.spec);
  }
  return [...specs];
}
