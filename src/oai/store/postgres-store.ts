import { createHash } from 'node:crypto';
import pg from 'pg';
import type { OaiRecord, OaiSet } from '../oai-record.js';
import type { DcFields } from '../../dc/index.js';
import { joinSpecs, storedDc } from '../stored-metadata.js';
import { listedSpecs, type OaiStore, type PageRecord, type Position, type RecordState, type Selection, type StoreChanges, type StoredFormat, type SyncOutcome, type SyncReader } from './oai-store.js';
import { newGeneration } from './generation.js';
import { HIGHEST, lowerBound, toPageRecord, toRecord, toRow, type PageRow, type RecordRow } from './row-codec.js';
import { setName } from './sqlite-store.js';

// Byte order ("C") on every key, so PostgreSQL sorts ids and datestamps exactly as SQLite does,
// whatever the database's locale: keyset positions mean the same thing in both stores.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS oai_meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oai_records (
  id TEXT COLLATE "C" PRIMARY KEY, datestamp TEXT COLLATE "C" NOT NULL, hash TEXT NOT NULL, deleted BOOLEAN NOT NULL,
  sets TEXT NOT NULL, dc TEXT, tei_path TEXT, oai_dc TEXT, qdc TEXT, set_specs TEXT NOT NULL DEFAULT '');
ALTER TABLE oai_records ADD COLUMN IF NOT EXISTS oai_dc TEXT, ADD COLUMN IF NOT EXISTS qdc TEXT, ADD COLUMN IF NOT EXISTS set_specs TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS oai_records_order ON oai_records (datestamp, id);
-- Covers states(): the build reads every (id, hash, deleted) from this index, not from the wide rows.
CREATE INDEX IF NOT EXISTS oai_records_state ON oai_records (id, hash, deleted);
CREATE TABLE IF NOT EXISTS oai_record_sets (
  spec TEXT COLLATE "C" NOT NULL, datestamp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, PRIMARY KEY (spec, datestamp, id));
CREATE INDEX IF NOT EXISTS oai_record_sets_id ON oai_record_sets (id);
CREATE TABLE IF NOT EXISTS oai_sets (spec TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL);
CREATE OR REPLACE FUNCTION oai_records_outside_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cablekit.writer', true) IS DISTINCT FROM 'on' THEN
    UPDATE oai_meta SET value = 'outside-' || gen_random_uuid()::text WHERE key = 'generation';
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER oai_records_outside AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON oai_records
  FOR EACH STATEMENT EXECUTE FUNCTION oai_records_outside_write();
`;
// The trigger above: a statement that writes the records outside cablekit's own writes (which set
// cablekit.writer for their transaction, and a new generation themselves) — a hand edit, a DELETE,
// a TRUNCATE — changes the store's generation, so the next build compares every record.

/** Version 2 keeps each record's DC serializations and header setSpecs (columns oai_dc, qdc, set_specs). */
const SCHEMA_VERSION = '2';

/** Serialises the creation (and a JSON migration) when several servers start at once. */
const INIT_LOCK = 0x0ca61e01;
/** Rows per multi-row statement when writing many records (a migration, a first build). */
const BATCH = 2000;

/** A connection URL fit for messages: the password is never shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (connection settings from the PG* environment variables)';
  }
}

/**
 * The store in PostgreSQL, for several `cablekit serve` processes behind one address: every server
 * reads the same tables and the same token key, so any server answers any server's tokens.
 */
export class PostgresOaiStore implements OaiStore {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    readonly tokenKey: string,
  ) {}

  /** `url` is a postgres:// URL, or "postgres" alone for the libpq PG* environment variables. */
  static async open(url: string, initial: () => { tokenKey: string; records: readonly OaiRecord[] }): Promise<PostgresOaiStore> {
    const pool = new pg.Pool({ ...(url === 'postgres' ? {} : { connectionString: url }), max: 8, connectionTimeoutMillis: 10000 });
    // An idle connection the database drops must not crash the server; the next query reconnects.
    pool.on('error', () => undefined);
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    let tokenKey: string;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK]);
      await applySchema(client);
      const found = await client.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'token_key'");
      if (found.rows[0]) {
        tokenKey = found.rows[0].value;
        await upgrade(client);
        // Stores made before generations existed get one now (their next sync compares every record).
        await client.query("INSERT INTO oai_meta (key, value) VALUES ('generation', $1) ON CONFLICT (key) DO NOTHING", [newGeneration()]);
      } else {
        const start = initial();
        tokenKey = start.tokenKey;
        await client.query("INSERT INTO oai_meta (key, value) VALUES ('token_key', $1), ('schema_version', $2), ('generation', $3)", [tokenKey, SCHEMA_VERSION, newGeneration()]);
        await write(client, { upserts: [...start.records], tombstones: [] });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      await pool.end();
      throw error;
    }
    client.release();
    return new PostgresOaiStore(pool, redactUrl(url), tokenKey);
  }

  async get(id: string): Promise<OaiRecord | undefined> {
    const { rows } = await this.pool.query<RecordRow>('SELECT * FROM oai_records WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async earliestDatestamp(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ datestamp: string }>('SELECT datestamp FROM oai_records ORDER BY datestamp LIMIT 1');
    return rows[0]?.datestamp;
  }

  async sets(): Promise<OaiSet[]> {
    const { rows } = await this.pool.query<OaiSet>('SELECT spec, name FROM oai_sets ORDER BY spec');
    return rows.map((s) => ({ spec: s.spec, name: s.name }));
  }

  async list(selection: Selection, after: Position | undefined, limit: number): Promise<OaiRecord[]> {
    return (await this.select<RecordRow>('r.*', selection, after, limit)).map(toRecord);
  }

  async page(selection: Selection, after: Position | undefined, limit: number, format?: StoredFormat): Promise<PageRecord[]> {
    const metadata = format === 'oai_dc' ? 'r.oai_dc' : format === 'qdc' ? 'r.qdc' : 'NULL::text';
    const columns = `r.id, r.datestamp, r.deleted, r.set_specs, r.tei_path, ${metadata} AS metadata`;
    return (await this.select<PageRow>(columns, selection, after, limit)).map(toPageRecord);
  }

  /** One keyset page of `columns` (of oai_records r), through the set index when a set is asked for; named, so prepared once per connection. */
  private async select<Row extends pg.QueryResultRow>(columns: string, selection: Selection, after: Position | undefined, limit: number): Promise<Row[]> {
    const [datestamp, id] = lowerBound(selection.from, after);
    const until = selection.until ?? HIGHEST;
    const sql =
      selection.set === undefined
        ? `SELECT ${columns} FROM oai_records r WHERE (r.datestamp, r.id) > ($1, $2) AND r.datestamp <= $3 ORDER BY r.datestamp, r.id LIMIT $4`
        : `SELECT ${columns} FROM oai_record_sets s JOIN oai_records r ON r.id = s.id WHERE s.spec = $5 AND (s.datestamp, s.id) > ($1, $2) AND s.datestamp <= $3` +
          ' ORDER BY s.datestamp, s.id LIMIT $4';
    const values = selection.set === undefined ? [datestamp, id, until, limit] : [datestamp, id, until, limit, selection.set];
    const { rows } = await this.pool.query<Row>({ name: statementName(sql), text: sql, values });
    return rows;
  }

  async count(selection: Selection, through?: Position): Promise<number> {
    const [datestamp, id] = lowerBound(selection.from, undefined);
    const bounds = [datestamp, id, selection.until ?? HIGHEST, through?.datestamp ?? HIGHEST, through?.id ?? HIGHEST];
    const { rows } =
      selection.set === undefined
        ? await this.pool.query<{ n: string }>(
            'SELECT count(*) AS n FROM oai_records WHERE (datestamp, id) > ($1, $2) AND datestamp <= $3 AND (datestamp, id) <= ($4, $5)',
            bounds,
          )
        : await this.pool.query<{ n: string }>(
            'SELECT count(*) AS n FROM oai_record_sets WHERE spec = $6 AND (datestamp, id) > ($1, $2) AND datestamp <= $3 AND (datestamp, id) <= ($4, $5)',
            [...bounds, selection.set],
          );
    return Number(rows[0]?.n ?? 0);
  }

  async states(): Promise<RecordState[]> {
    return this.readStates(this.pool);
  }

  private async readStates(on: pg.Pool | pg.PoolClient): Promise<RecordState[]> {
    // Rows as arrays: the build of a million-record store waits on this one read.
    const { rows } = await on.query<[string, string, boolean]>({ text: 'SELECT id, hash, deleted FROM oai_records', rowMode: 'array' });
    const out: RecordState[] = new Array(rows.length);
    for (let n = 0; n < rows.length; n++) {
      const [id, hash, deleted] = rows[n]!;
      out[n] = { id, hash, deleted };
    }
    return out;
  }

  async statesOf(ids: readonly string[]): Promise<RecordState[]> {
    return statesOf(this.pool, ids);
  }

  async generation(): Promise<string> {
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'generation'");
    return rows[0]?.value ?? '';
  }

  async sync<T>(plan: (reader: SyncReader) => Promise<{ changes: StoreChanges; value: T }>): Promise<SyncOutcome<T>> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The generation's row, locked: one sync at a time, and no other cablekit writer until this one commits.
      const { rows } = await client.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'generation' FOR UPDATE");
      let statesRead = 0;
      const reader: SyncReader = {
        generation: rows[0]?.value ?? '',
        states: async () => {
          const states = await this.readStates(client);
          statesRead += states.length;
          return states;
        },
        statesOf: async (ids) => {
          const states = await statesOf(client, ids);
          statesRead += states.length;
          return states;
        },
      };
      const { changes, value } = await plan(reader);
      await write(client, changes);
      // This transaction's own counts, kept by PostgreSQL's statistics for the transaction.
      const counted = await client.query<{ n: string }>(
        'SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_xact_user_tables' +
          " WHERE relid IN ('oai_records'::regclass, 'oai_record_sets'::regclass, 'oai_sets'::regclass, 'oai_meta'::regclass)",
      );
      const after = await client.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'generation'");
      await client.query('COMMIT');
      return { value, generation: after.rows[0]?.value ?? '', statesRead, rowsWritten: Number(counted.rows[0]?.n ?? 0) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async apply(changes: StoreChanges): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await write(client, changes);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The states of these ids, a batch of ids per indexed query. */
async function statesOf(on: pg.Pool | pg.PoolClient, ids: readonly string[]): Promise<RecordState[]> {
  const out: RecordState[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const { rows } = await on.query<[string, string, boolean]>({
      text: 'SELECT id, hash, deleted FROM oai_records WHERE id = ANY($1::text[])',
      values: [ids.slice(i, i + BATCH)],
      rowMode: 'array',
    });
    for (const [id, hash, deleted] of rows) out.push({ id, hash, deleted });
  }
  return out;
}

/** The writes of `apply`, in multi-row statements (arrays unnested), inside the caller's transaction; a new generation when anything was written. */
async function write(client: pg.PoolClient, changes: StoreChanges): Promise<void> {
  if (changes.upserts.length + changes.tombstones.length === 0) return;
  // Marks this transaction's writes as cablekit's own for the trigger.
  await client.query("SELECT set_config('cablekit.writer', 'on', true)");
  for (let i = 0; i < changes.upserts.length; i += BATCH) {
    const batch = changes.upserts.slice(i, i + BATCH).map(toRow);
    const ids = batch.map((r) => r.id);
    await client.query(
      'INSERT INTO oai_records (id, datestamp, hash, deleted, sets, dc, tei_path, oai_dc, qdc, set_specs)' +
        ' SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])' +
        ' ON CONFLICT (id) DO UPDATE SET datestamp = excluded.datestamp, hash = excluded.hash, deleted = excluded.deleted,' +
        ' sets = excluded.sets, dc = excluded.dc, tei_path = excluded.tei_path, oai_dc = excluded.oai_dc, qdc = excluded.qdc, set_specs = excluded.set_specs',
      [
        ids,
        batch.map((r) => r.datestamp),
        batch.map((r) => r.hash),
        batch.map((r) => Boolean(r.deleted)),
        batch.map((r) => r.sets),
        batch.map((r) => r.dc),
        batch.map((r) => r.tei_path),
        batch.map((r) => r.oai_dc),
        batch.map((r) => r.qdc),
        batch.map((r) => r.set_specs),
      ],
    );
    await client.query('DELETE FROM oai_record_sets WHERE id = ANY($1::text[])', [ids]);
    const specs: string[] = [];
    const stamps: string[] = [];
    const owners: string[] = [];
    const names = new Map<string, string>();
    for (const record of changes.upserts.slice(i, i + BATCH)) {
      for (const spec of listedSpecs(record)) {
        specs.push(spec);
        stamps.push(record.datestamp);
        owners.push(record.id);
        names.set(spec, setName(spec, record));
      }
    }
    await client.query(
      'INSERT INTO oai_record_sets (spec, datestamp, id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING',
      [specs, stamps, owners],
    );
    await client.query(
      'INSERT INTO oai_sets (spec, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (spec) DO UPDATE SET name = excluded.name',
      [[...names.keys()], [...names.values()]],
    );
  }
  for (let i = 0; i < changes.tombstones.length; i += BATCH) {
    const batch = changes.tombstones.slice(i, i + BATCH);
    const args = [batch.map((t) => t.id), batch.map((t) => t.datestamp)];
    await client.query(
      "UPDATE oai_records r SET deleted = true, hash = 'deleted', dc = NULL, tei_path = NULL, oai_dc = NULL, qdc = NULL, datestamp = t.datestamp" +
        ' FROM unnest($1::text[], $2::text[]) AS t(id, datestamp) WHERE r.id = t.id',
      args,
    );
    await client.query('UPDATE oai_record_sets s SET datestamp = t.datestamp FROM unnest($1::text[], $2::text[]) AS t(id, datestamp) WHERE s.id = t.id', args);
  }
  if (changes.upserts.length > 0) {
    await client.query('DELETE FROM oai_sets WHERE NOT EXISTS (SELECT 1 FROM oai_record_sets s WHERE s.spec = oai_sets.spec)');
  }
  await client.query("INSERT INTO oai_meta (key, value) VALUES ('generation', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [newGeneration()]);
  await client.query("SELECT set_config('cablekit.writer', 'off', true)");
}

/** Which SCHEMA a database last ran, kept in oai_meta as `schema_mark`. */
const SCHEMA_MARK = createHash('sha256').update(SCHEMA).digest('hex').slice(0, 16);

/**
 * Runs SCHEMA unless the database already ran this very text: its `ALTER TABLE` and `CREATE OR
 * REPLACE TRIGGER` lock the records table against every reader and wait for a running autovacuum,
 * which a build or a server start need not do each time.
 */
async function applySchema(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('oai_meta') IS NOT NULL AS present");
  if (rows[0]?.present) {
    const mark = await client.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'schema_mark'");
    if (mark.rows[0]?.value === SCHEMA_MARK) return;
  }
  await client.query(SCHEMA);
  await client.query("INSERT INTO oai_meta (key, value) VALUES ('schema_mark', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [SCHEMA_MARK]);
}

/** A stable name per query text, so each pooled connection prepares a list query once. */
function statementName(sql: string): string {
  let h = 0;
  for (let i = 0; i < sql.length; i++) h = (Math.imul(h, 31) + sql.charCodeAt(i)) | 0;
  return `oai_page_${(h >>> 0).toString(36)}`;
}

/**
 * Brings a store of schema version 1 to version 2 inside the opening transaction (the columns
 * were added by SCHEMA): fills each record's serializations from its stored DC values, in slices
 * by id, so nothing a harvester receives changes and nothing is read into memory whole.
 */
async function upgrade(client: pg.PoolClient): Promise<void> {
  const { rows: version } = await client.query<{ value: string }>("SELECT value FROM oai_meta WHERE key = 'schema_version'");
  if (version[0]?.value === SCHEMA_VERSION) return;
  for (let last = ''; ; ) {
    const { rows } = await client.query<{ id: string; deleted: boolean; sets: string; dc: string | null }>(
      'SELECT id, deleted, sets, dc FROM oai_records WHERE id > $1 ORDER BY id LIMIT $2',
      [last, BATCH],
    );
    if (rows.length === 0) break;
    const filled = rows.map((row) => {
      const record = { deleted: row.deleted, sets: JSON.parse(row.sets) as OaiSet[], ...(row.dc === null ? {} : { dc: JSON.parse(row.dc) as DcFields }) };
      return { id: row.id, specs: joinSpecs(record), ...storedDc(record) };
    });
    await client.query(
      'UPDATE oai_records r SET oai_dc = t.oai_dc, qdc = t.qdc, set_specs = t.set_specs FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, oai_dc, qdc, set_specs) WHERE r.id = t.id',
      [filled.map((f) => f.id), filled.map((f) => f.oaiDc), filled.map((f) => f.qdc), filled.map((f) => f.specs)],
    );
    last = rows[rows.length - 1]!.id;
  }
  await client.query("INSERT INTO oai_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [SCHEMA_VERSION]);
}
