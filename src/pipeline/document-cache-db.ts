import { rmSync, statSync } from 'node:fs';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { OaiRecordDraft } from './build-deps.js';
import { loadNodeSqlite } from '../oai/store/node-sqlite.js';
import { emptyDocumentCache, readLegacyDocumentCache, type DocumentCache } from './document-cache.js';

/**
 * The build cache in one SQLite file (`.cablekit/build-cache.sqlite`), a row per source page, per
 * document and per corpus step, each memo as JSON. A run writes only the rows whose work changed,
 * in one transaction, so a one-page change costs one row rather than rewriting the whole cache —
 * and the cache has no size limit (as one JSON text it passed V8's largest string, about 512 MiB,
 * near 50,000 documents, and could no longer be written).
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cache_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache_sources (path TEXT PRIMARY KEY, memo TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache_documents (id TEXT PRIMARY KEY, memo TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache_corpus (stage TEXT PRIMARY KEY, memo TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache_oai (id TEXT PRIMARY KEY, draft TEXT NOT NULL);
`;

/**
 * 2: each document's OAI-PMH record in a table of its own (cache_oai, by document), read only when
 * the store must be written; the memo keeps its id and hash. As part of the memo it was half of
 * every memo's bytes, parsed by every run (57 of 122 MB at 10,000 documents).
 */
const FORMAT_VERSION = '2';

type Table = 'cache_sources' | 'cache_documents' | 'cache_corpus';
const TABLES: readonly { table: Table; key: string; part: 'sources' | 'documents' | 'corpus' }[] = [
  { table: 'cache_sources', key: 'path', part: 'sources' },
  { table: 'cache_documents', key: 'id', part: 'documents' },
  { table: 'cache_corpus', key: 'stage', part: 'corpus' },
];

/** What a run read: the cache, and whether it is exactly what the database holds (so a write may send only the differences). */
export interface LoadedCache {
  cache: DocumentCache;
  /** False when the cache came from elsewhere (a JSON cache of an earlier version) or the database could not be read. */
  mirrorsDatabase: boolean;
  /** Why the cache could not be read (the database is then replaced whole at the end of the run). */
  unreadable?: Error;
  /** The file that could not be read, when it is not the database (a damaged JSON cache of an earlier version). */
  unreadableFile?: string;
}

/** The cache database; `readOnly` for the readers beside the build (packaging, the OAI records' loader). */
function open(path: string, readOnly = false): DatabaseSync {
  const sqlite = loadNodeSqlite();
  if (!sqlite) throw new Error('this Node.js has no node:sqlite (it needs Node 22.13 or later, or 24)');
  const db = new sqlite.DatabaseSync(path, { readOnly });
  db.exec('PRAGMA busy_timeout = 10000');
  // A rollback journal, so a commit writes the main file: its modification time is the moment
  // the memos were recorded, which decides which file stamps may be trusted (src/fs/file-stamp.ts).
  if (!readOnly) db.exec('PRAGMA journal_mode = DELETE');
  return db;
}

/**
 * Reads the cache. Anything unreadable is an empty cache: the build then does all the work, which
 * is always correct. A JSON cache of an earlier cablekit (`legacyJsonPath`) is taken in when the
 * database does not exist yet.
 */
export function readDocumentCacheDb(path: string, legacyJsonPath: string): LoadedCache {
  let exists = true;
  try {
    statSync(path);
  } catch {
    exists = false;
  }
  if (!exists) {
    let damaged = false;
    let cache: DocumentCache;
    try {
      cache = readLegacyDocumentCache(legacyJsonPath, () => {
        damaged = true;
      });
    } catch (error) {
      return { cache: emptyDocumentCache(), mirrorsDatabase: false, unreadable: error instanceof Error ? error : new Error(String(error)), unreadableFile: legacyJsonPath };
    }
    return damaged
      ? { cache, mirrorsDatabase: false, unreadable: new Error('the JSON cache of an earlier version is damaged'), unreadableFile: legacyJsonPath }
      : { cache, mirrorsDatabase: false };
  }
  let db: DatabaseSync | undefined;
  try {
    db = open(path);
    db.exec(SCHEMA);
    const version = db.prepare("SELECT value FROM cache_meta WHERE name = 'format_version'").get() as { value: string } | undefined;
    if (version?.value !== FORMAT_VERSION) return { cache: emptyDocumentCache(), mirrorsDatabase: false };
    const cache = emptyDocumentCache();
    for (const { table, key, part } of TABLES) {
      const map = cache[part] as Map<string, unknown>;
      // Row by row: all the rows' text at once was 740 MB at 100,000 documents, beside the memos parsed from it.
      for (const row of db.prepare(`SELECT ${key} AS k, memo FROM ${table} ORDER BY rowid`).iterate() as Iterable<{ k: string; memo: string }>) map.set(row.k, JSON.parse(row.memo));
    }
    const meta = new Map((db.prepare('SELECT name, value FROM cache_meta').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
    const oaiKey = meta.get('oai_key');
    if (oaiKey !== undefined) cache.oaiKey = oaiKey;
    const oaiGeneration = meta.get('oai_generation');
    const oaiKept = JSON.parse(meta.get('oai_kept') ?? 'null') as unknown;
    if (oaiGeneration !== undefined && Array.isArray(oaiKept) && oaiKept.every((k) => typeof k === 'string')) {
      cache.oaiGeneration = oaiGeneration;
      cache.oaiKept = oaiKept as string[];
    }
    const ledgerStamp = meta.get('ledger_stamp');
    if (ledgerStamp !== undefined) cache.ledgerStamp = ledgerStamp;
    db.close();
    db = undefined;
    cache.recordedAtNs = statSync(path, { bigint: true }).mtimeNs;
    return { cache, mirrorsDatabase: true };
  } catch (error) {
    return { cache: emptyDocumentCache(), mirrorsDatabase: false, unreadable: error instanceof Error ? error : new Error(String(error)) };
  } finally {
    db?.close();
  }
}

/**
 * Records `next` in one transaction. When the cache read this run (`stored`) is what the database
 * holds, only rows whose memo is not the very object read are written and rows no longer present
 * are deleted; otherwise every row is replaced. The JSON cache of an earlier version is removed once
 * its content is in the database.
 */
export function writeDocumentCacheDb(path: string, next: DocumentCache, stored: LoadedCache | undefined, legacyJsonPath: string): void {
  // A database that could not be read is rebuilt from nothing rather than patched.
  if (stored?.unreadable !== undefined) for (const file of [path, `${path}-journal`]) rmSync(file, { force: true });
  const kept = stored?.mirrorsDatabase === true ? stored.cache : undefined;
  const db = open(path);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SCHEMA);
      for (const { table, key, part } of TABLES) {
        const nextMap = next[part] as Map<string, unknown>;
        const storedMap = kept?.[part] as Map<string, unknown> | undefined;
        const upsert = db.prepare(`INSERT INTO ${table} (${key}, memo) VALUES (?, ?) ON CONFLICT(${key}) DO UPDATE SET memo = excluded.memo`);
        if (storedMap === undefined) {
          db.exec(`DELETE FROM ${table}`);
        } else {
          const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
          for (const k of storedMap.keys()) if (!nextMap.has(k)) remove.run(k);
        }
        for (const [k, memo] of nextMap) {
          if (storedMap?.get(k) !== memo) upsert.run(k, JSON.stringify(memo));
        }
      }
      writeOaiDrafts(db, next, kept);
      const meta = db.prepare('INSERT INTO cache_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
      meta.run('format_version', FORMAT_VERSION);
      const unset = db.prepare('DELETE FROM cache_meta WHERE name = ?');
      if (next.oaiKey !== undefined) meta.run('oai_key', next.oaiKey);
      else unset.run('oai_key');
      // The OAI store's generation after the last sync that went through (src/pipeline/oai-phase.ts).
      if (next.oaiGeneration !== undefined) {
        meta.run('oai_generation', next.oaiGeneration);
        meta.run('oai_kept', JSON.stringify(next.oaiKept ?? []));
      } else {
        unset.run('oai_generation');
        unset.run('oai_kept');
      }
      if (next.ledgerStamp !== undefined) meta.run('ledger_stamp', next.ledgerStamp);
      else unset.run('ledger_stamp');
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
  rmSync(legacyJsonPath, { force: true });
}

/**
 * The whole OAI records made this run, and rows of documents that left or no longer have one
 * removed. `kept`: the cache as the database held it (undefined: the table is written anew).
 */
function writeOaiDrafts(db: DatabaseSync, next: DocumentCache, kept: DocumentCache | undefined): void {
  if (kept === undefined) db.exec('DELETE FROM cache_oai');
  else {
    const remove = db.prepare('DELETE FROM cache_oai WHERE id = ?');
    for (const [stem, memo] of kept.documents) if (memo.oai !== undefined && next.documents.get(stem)?.oai === undefined) remove.run(stem);
  }
  const upsert = db.prepare('INSERT INTO cache_oai (id, draft) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET draft = excluded.draft');
  for (const [stem, draft] of next.oaiDrafts) if (next.documents.get(stem)?.oai !== undefined) upsert.run(stem, JSON.stringify(draft));
}

/**
 * Reads kept documents' whole OAI records from the build cache, one at a time, as the OAI sync
 * asks for them (a full comparison of the store writes records of documents the run kept). Opened
 * on first use; `close` when the sync is done.
 */
export class OaiDraftReader {
  private db: DatabaseSync | undefined;
  private select: StatementSync | undefined;

  constructor(private readonly path: string) {}

  get(stem: string): OaiRecordDraft {
    if (this.select === undefined) {
      this.db = open(this.path, true);
      this.select = this.db.prepare('SELECT draft FROM cache_oai WHERE id = ?');
    }
    const row = this.select.get(stem) as { draft: string } | undefined;
    if (row === undefined) throw new Error(`the build cache ${this.path} has no OAI record of ${stem}; build with --force to make every record again`);
    return JSON.parse(row.draft) as OaiRecordDraft;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.select = undefined;
  }
}

/** What the last build recorded of one TEI file's checks (read-only view for packaging). */
export interface KeptTeiVerdict {
  teiPath: string;
  teiSha256: string;
  /** The document's key then ('' when its work was not complete). */
  key: string;
  /** Whether its findings held an error. */
  errors: boolean;
}

/**
 * Read-only: per TEI file stem, the path, checksum and key the last build kept and whether it found
 * an error. The fields are picked out by SQLite, so the rest of each memo (outputs, summaries) is
 * not parsed here. Undefined when there is no cache this version can read.
 */
export function readKeptTeiVerdicts(path: string): Map<string, KeptTeiVerdict> | undefined {
  try {
    statSync(path);
  } catch {
    return undefined;
  }
  let db: DatabaseSync | undefined;
  try {
    // No node:sqlite, or a database that cannot be read: no verdicts (caught below).
    db = open(path, true);
    const version = db.prepare("SELECT value FROM cache_meta WHERE name = 'format_version'").get() as { value: string } | undefined;
    if (version?.value !== FORMAT_VERSION) return undefined;
    const rows = db
      .prepare(
        `SELECT id, json_extract(memo, '$.teiPath') AS teiPath, json_extract(memo, '$.teiSha256') AS teiSha256, json_extract(memo, '$.key') AS key,
           EXISTS (SELECT 1 FROM json_each(memo, '$.diagnostics') AS d WHERE json_extract(d.value, '$.severity') = 'error') AS errors
         FROM cache_documents`,
      )
      .all() as { id: string; teiPath: unknown; teiSha256: unknown; key: unknown; errors: number }[];
    const verdicts = new Map<string, KeptTeiVerdict>();
    for (const r of rows) {
      if (typeof r.teiPath !== 'string' || typeof r.teiSha256 !== 'string' || typeof r.key !== 'string') continue;
      verdicts.set(r.id, { teiPath: r.teiPath, teiSha256: r.teiSha256, key: r.key, errors: r.errors !== 0 });
    }
    return verdicts;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}
