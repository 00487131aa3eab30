import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { OaiRecord, OaiSet } from '../oai-record.js';
import { PARENT_SETS } from '../record-sets.js';
import { loadNodeSqlite } from './node-sqlite.js';
import { listedSpecs, type OaiStore, type PageRecord, type Position, type RecordState, type Selection, type StoreChanges, type StoredFormat, type SyncOutcome, type SyncReader } from './oai-store.js';
import { HIGHEST, lowerBound, toPageRecord, toRecord, toRow, type PageRow, type RecordRow } from './row-codec.js';
import { joinSpecs, storedDc } from '../stored-metadata.js';
import type { DcFields } from '../../dc/index.js';
import { newGeneration } from './generation.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS oai_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oai_records (
  id TEXT PRIMARY KEY, datestamp TEXT NOT NULL, hash TEXT NOT NULL, deleted INTEGER NOT NULL,
  sets TEXT NOT NULL, dc TEXT, tei_path TEXT, oai_dc TEXT, qdc TEXT, set_specs TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS oai_records_order ON oai_records (datestamp, id);
-- Covers states(): the build reads every (id, hash, deleted) from this index, not from the wide rows.
CREATE INDEX IF NOT EXISTS oai_records_state ON oai_records (id, hash, deleted);
CREATE TABLE IF NOT EXISTS oai_record_sets (
  spec TEXT NOT NULL, datestamp TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (spec, datestamp, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS oai_record_sets_id ON oai_record_sets (id);
CREATE TABLE IF NOT EXISTS oai_sets (spec TEXT PRIMARY KEY, name TEXT NOT NULL);
${['INSERT', 'UPDATE', 'DELETE']
  .map(
    (event) => `CREATE TRIGGER IF NOT EXISTS oai_records_outside_${event.toLowerCase()} AFTER ${event} ON oai_records
  WHEN NOT EXISTS (SELECT 1 FROM oai_meta WHERE key = 'writer')
  BEGIN UPDATE oai_meta SET value = 'outside-' || lower(hex(randomblob(16))) WHERE key = 'generation'; END;`,
  )
  .join('\n')}
`;
// The triggers above: a write to the records by anything but cablekit's own writes (which hold the
// 'writer' row inside their transaction, and set a new generation themselves) changes the store's
// generation, so the next build compares every record instead of trusting what it last synced.

/** Version 2 keeps each record's DC serializations and header setSpecs (columns oai_dc, qdc, set_specs). */
const SCHEMA_VERSION = '2';

/** A page row as an array, in the order `page` selects. */
type PageArray = [string, string, number, string, string | null, string | null];

/** Thrown when this Node has no `node:sqlite`; the caller turns it into a diagnostic. */
export class SqliteUnavailableError extends Error {}

/** The name a set is listed under: its records' name, or for a parent the fixed one. */
export function setName(spec: string, record: Pick<OaiRecord, 'sets'>): string {
  return record.sets.find((s) => s.spec === spec)?.name ?? PARENT_SETS.find((p) => p.spec === spec)?.name ?? spec;
}

/**
 * The store in one SQLite file (WAL mode: a build writes while servers read; each server reads
 * through its own connection). Synchronous underneath, behind the same asynchronous interface as
 * PostgreSQL.
 */
export class SqliteOaiStore implements OaiStore {
  readonly kind = 'sqlite' as const;
  readonly tokenKey: string;
  private readonly statements = new Map<string, StatementSync>();

  private constructor(
    private readonly db: DatabaseSync,
    readonly location: string,
    tokenKey: string,
  ) {
    this.tokenKey = tokenKey;
  }

  /**
   * Opens (creating when needed) the database at `path` (":memory:" for a private one).
   * `initial` runs once, when the store is new, inside the creating transaction: it gives the
   * token key and the records to start from (a migrated JSON store, or none).
   */
  static open(path: string, initial: () => { tokenKey: string; records: readonly OaiRecord[] }): SqliteOaiStore {
    const sqlite = loadNodeSqlite();
    if (!sqlite) throw new SqliteUnavailableError('this Node.js has no node:sqlite (it needs Node 22.13 or later, or 24)');
    const db = new sqlite.DatabaseSync(path);
    db.exec('PRAGMA busy_timeout = 10000');
    if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
    db.exec('BEGIN IMMEDIATE');
    let tokenKey: string;
    try {
      db.exec(SCHEMA);
      const row = db.prepare("SELECT value FROM oai_meta WHERE key = 'token_key'").get() as { value: string } | undefined;
      if (row) {
        tokenKey = row.value;
        upgrade(db);
        // Stores made before generations existed get one now (their next sync compares every record).
        db.prepare("INSERT OR IGNORE INTO oai_meta (key, value) VALUES ('generation', ?)").run(newGeneration());
      } else {
        const start = initial();
        tokenKey = start.tokenKey;
        db.prepare("INSERT INTO oai_meta (key, value) VALUES ('token_key', ?), ('schema_version', ?), ('generation', ?)").run(tokenKey, SCHEMA_VERSION, newGeneration());
        const store = new SqliteOaiStore(db, path, tokenKey);
        store.write({ upserts: [...start.records], tombstones: [] });
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      db.close();
      throw error;
    }
    return new SqliteOaiStore(db, path, tokenKey);
  }

  /** A prepared statement, kept for the connection's life (`arrays`: rows come as arrays). */
  private stmt(sql: string, arrays = false): StatementSync {
    const key = arrays ? `[]${sql}` : sql;
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql);
      // setReturnArrays came with Node 22.16; on older Nodes rows stay objects (callers take both).
      if (arrays && typeof s.setReturnArrays === 'function') s.setReturnArrays(true);
      this.statements.set(key, s);
    }
    return s;
  }

  async get(id: string): Promise<OaiRecord | undefined> {
    const row = this.stmt('SELECT * FROM oai_records WHERE id = ?').get(id) as RecordRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async earliestDatestamp(): Promise<string | undefined> {
    const row = this.stmt('SELECT datestamp FROM oai_records ORDER BY datestamp LIMIT 1').get() as { datestamp: string } | undefined;
    return row?.datestamp;
  }

  async sets(): Promise<OaiSet[]> {
    return (this.stmt('SELECT spec, name FROM oai_sets ORDER BY spec').all() as unknown as OaiSet[]).map((s) => ({ spec: s.spec, name: s.name }));
  }

  async list(selection: Selection, after: Position | undefined, limit: number): Promise<OaiRecord[]> {
    return (this.select('r.*', selection, after, limit) as unknown as RecordRow[]).map(toRecord);
  }

  async page(selection: Selection, after: Position | undefined, limit: number, format?: StoredFormat): Promise<PageRecord[]> {
    const metadata = format === 'oai_dc' ? 'r.oai_dc' : format === 'qdc' ? 'r.qdc' : 'NULL';
    // Rows as arrays: node:sqlite builds them several times faster than objects.
    const rows = this.select(`r.id, r.datestamp, r.deleted, r.set_specs, r.tei_path, ${metadata} AS metadata`, selection, after, limit, true) as (PageArray | PageRow)[];
    return rows.map((row) => {
      if (!Array.isArray(row)) return toPageRecord(row);
      const [id, datestamp, deleted, set_specs, tei_path, metadata] = row;
      return toPageRecord({ id, datestamp, deleted, set_specs, tei_path, metadata });
    });
  }

  /** One keyset page of `columns` (of oai_records r), through the set index when a set is asked for. */
  private select(columns: string, selection: Selection, after: Position | undefined, limit: number, arrays = false): unknown[] {
    const [datestamp, id] = lowerBound(selection.from, after);
    const until = selection.until ?? HIGHEST;
    return selection.set === undefined
      ? this.stmt(`SELECT ${columns} FROM oai_records r WHERE (r.datestamp, r.id) > (?, ?) AND r.datestamp <= ? ORDER BY r.datestamp, r.id LIMIT ?`, arrays).all(datestamp, id, until, limit)
      : this.stmt(
          `SELECT ${columns} FROM oai_record_sets s JOIN oai_records r ON r.id = s.id WHERE s.spec = ? AND (s.datestamp, s.id) > (?, ?) AND s.datestamp <= ?` +
            ' ORDER BY s.datestamp, s.id LIMIT ?',
          arrays,
        ).all(selection.set, datestamp, id, until, limit);
  }

  async count(selection: Selection, through?: Position): Promise<number> {
    const [datestamp, id] = lowerBound(selection.from, undefined);
    const bounds = [datestamp, id, selection.until ?? HIGHEST, through?.datestamp ?? HIGHEST, through?.id ?? HIGHEST] as const;
    const row =
      selection.set === undefined
        ? this.stmt('SELECT count(*) AS n FROM oai_records WHERE (datestamp, id) > (?, ?) AND datestamp <= ? AND (datestamp, id) <= (?, ?)').get(...bounds)
        : this.stmt('SELECT count(*) AS n FROM oai_record_sets WHERE spec = ? AND (datestamp, id) > (?, ?) AND datestamp <= ? AND (datestamp, id) <= (?, ?)').get(
            selection.set,
            ...bounds,
          );
    return Number((row as { n: number }).n);
  }

  async states(): Promise<RecordState[]> {
    return this.readStates();
  }

  async statesOf(ids: readonly string[]): Promise<RecordState[]> {
    return this.readStatesOf(ids);
  }

  async generation(): Promise<string> {
    return this.readGeneration();
  }

  private readGeneration(): string {
    return (this.stmt("SELECT value FROM oai_meta WHERE key = 'generation'").get() as { value: string } | undefined)?.value ?? '';
  }

  /** One indexed look-up per id (the primary key's index covers nothing more, but a build asks for few). */
  private readStatesOf(ids: readonly string[]): RecordState[] {
    const one = this.stmt('SELECT id, hash, deleted FROM oai_records WHERE id = ?');
    const out: RecordState[] = [];
    for (const id of ids) {
      const row = one.get(id) as { id: string; hash: string; deleted: number } | undefined;
      if (row) out.push({ id: row.id, hash: row.hash, deleted: row.deleted === 1 });
    }
    return out;
  }

  private readStates(): RecordState[] {
    // One read of every row, as arrays where this Node can (the build of a million-record store waits on it).
    const rows = this.stmt('SELECT id, hash, deleted FROM oai_records', true).all() as unknown as ([string, string, number] | { id: string; hash: string; deleted: number })[];
    const out: RecordState[] = new Array(rows.length);
    for (let n = 0; n < rows.length; n++) {
      const row = rows[n]!;
      out[n] = Array.isArray(row) ? { id: row[0], hash: row[1], deleted: row[2] === 1 } : { id: row.id, hash: row.hash, deleted: row.deleted === 1 };
    }
    return out;
  }

  async sync<T>(plan: (reader: SyncReader) => Promise<{ changes: StoreChanges; value: T }>): Promise<SyncOutcome<T>> {
    // IMMEDIATE: the write lock from the start, so no other writer changes what the plan reads.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const changesBefore = this.totalChanges();
      let statesRead = 0;
      const reader: SyncReader = {
        generation: this.readGeneration(),
        states: async () => {
          const states = this.readStates();
          statesRead += states.length;
          return states;
        },
        statesOf: async (ids) => {
          const states = this.readStatesOf(ids);
          statesRead += states.length;
          return states;
        },
      };
      const { changes, value } = await plan(reader);
      this.write(changes);
      const rowsWritten = this.totalChanges() - changesBefore;
      const generation = this.readGeneration();
      this.db.exec('COMMIT');
      return { value, generation, statesRead, rowsWritten };
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Rows this connection inserted, updated or deleted since it opened, as SQLite counts them. */
  private totalChanges(): number {
    return Number((this.stmt('SELECT total_changes() AS n').get() as { n: number }).n);
  }

  async apply(changes: StoreChanges): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.write(changes);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** The writes of `apply`, inside a transaction the caller holds. */
  private write(changes: StoreChanges): void {
    if (changes.upserts.length + changes.tombstones.length === 0) return;
    // Marks the writes as cablekit's own for the triggers (never committed: removed below).
    this.stmt("INSERT OR REPLACE INTO oai_meta (key, value) VALUES ('writer', 'cablekit')").run();
    const upsert = this.stmt(
      'INSERT INTO oai_records (id, datestamp, hash, deleted, sets, dc, tei_path, oai_dc, qdc, set_specs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)' +
        ' ON CONFLICT (id) DO UPDATE SET datestamp = excluded.datestamp, hash = excluded.hash, deleted = excluded.deleted,' +
        ' sets = excluded.sets, dc = excluded.dc, tei_path = excluded.tei_path, oai_dc = excluded.oai_dc, qdc = excluded.qdc, set_specs = excluded.set_specs',
    );
    const dropSets = this.stmt('DELETE FROM oai_record_sets WHERE id = ?');
    const addSet = this.stmt('INSERT OR IGNORE INTO oai_record_sets (spec, datestamp, id) VALUES (?, ?, ?)');
    const nameSet = this.stmt('INSERT INTO oai_sets (spec, name) VALUES (?, ?) ON CONFLICT (spec) DO UPDATE SET name = excluded.name');
    // A set's name is written once per transaction, not once per record (a first build lists
    // every record under a handful of sets).
    const named = new Map<string, string>();
    for (const record of changes.upserts) {
      const row = toRow(record);
      upsert.run(row.id, row.datestamp, row.hash, row.deleted ? 1 : 0, row.sets, row.dc, row.tei_path, row.oai_dc, row.qdc, row.set_specs);
      dropSets.run(record.id);
      for (const spec of listedSpecs(record)) {
        addSet.run(spec, record.datestamp, record.id);
        const name = setName(spec, record);
        if (named.get(spec) === name) continue;
        named.set(spec, name);
        nameSet.run(spec, name);
      }
    }
    const bury = this.stmt("UPDATE oai_records SET deleted = 1, hash = 'deleted', dc = NULL, tei_path = NULL, oai_dc = NULL, qdc = NULL, datestamp = ? WHERE id = ?");
    const moveSets = this.stmt('UPDATE oai_record_sets SET datestamp = ? WHERE id = ?');
    for (const t of changes.tombstones) {
      bury.run(t.datestamp, t.id);
      moveSets.run(t.datestamp, t.id);
    }
    if (changes.upserts.length > 0) {
      this.stmt('DELETE FROM oai_sets WHERE NOT EXISTS (SELECT 1 FROM oai_record_sets s WHERE s.spec = oai_sets.spec)').run();
    }
    this.stmt("DELETE FROM oai_meta WHERE key = 'writer'").run();
    this.stmt("INSERT INTO oai_meta (key, value) VALUES ('generation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(newGeneration());
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

/**
 * Brings a store of schema version 1 to version 2 inside the opening transaction: adds the
 * serialization columns and fills them from each record's stored DC values (what the server
 * rendered per request before), so nothing a harvester receives changes.
 */
function upgrade(db: DatabaseSync): void {
  const version = db.prepare("SELECT value FROM oai_meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  if (version?.value === SCHEMA_VERSION) return;
  const columns = new Set((db.prepare('PRAGMA table_info(oai_records)').all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of [['oai_dc', 'TEXT'], ['qdc', 'TEXT'], ['set_specs', "TEXT NOT NULL DEFAULT ''"]] as const) {
    if (!columns.has(name)) db.exec(`ALTER TABLE oai_records ADD COLUMN ${name} ${type}`);
  }
  const fill = db.prepare('UPDATE oai_records SET oai_dc = ?, qdc = ?, set_specs = ? WHERE id = ?');
  // In slices by rowid, so a large store is never read into memory at once.
  const slice = db.prepare('SELECT rowid AS n, id, deleted, sets, dc FROM oai_records WHERE rowid > ? ORDER BY rowid LIMIT 1000');
  for (let last = -1; ; ) {
    const rows = slice.all(last) as { n: number; id: string; deleted: number; sets: string; dc: string | null }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const record = { deleted: row.deleted === 1, sets: JSON.parse(row.sets) as OaiSet[], ...(row.dc === null ? {} : { dc: JSON.parse(row.dc) as DcFields }) };
      const dc = storedDc(record);
      fill.run(dc.oaiDc, dc.qdc, joinSpecs(record), row.id);
      last = row.n;
    }
  }
  db.prepare("INSERT INTO oai_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(SCHEMA_VERSION);
}
