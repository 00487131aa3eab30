import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CablekitConfig } from '../../src/config/config.js';
import { bookkeepingFiles } from '../../src/edition/layout.js';
import { handleOaiRequest, oaiSettingsFromConfig, openStore, planSync, repositoryFor, type OaiRecord, type OaiStore } from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { corpus } from './corpus.js';
import { params, resumptionToken, tempDir, validateResponse, writeProject } from './support.js';

/**
 * A store written by the previous version (schema 1: no stored serializations) is brought to
 * schema 2 when first opened, and then answers every list and record request exactly as a store
 * created new from the same records does.
 */
const V1_TABLES = `
CREATE TABLE oai_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE oai_records (id TEXT PRIMARY KEY, datestamp TEXT NOT NULL, hash TEXT NOT NULL, deleted %BOOL% NOT NULL, sets TEXT NOT NULL, dc TEXT, tei_path TEXT);
CREATE INDEX oai_records_order ON oai_records (datestamp, id);
CREATE TABLE oai_record_sets (spec TEXT NOT NULL, datestamp TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (spec, datestamp, id));
CREATE TABLE oai_sets (spec TEXT PRIMARY KEY, name TEXT NOT NULL);
`;

const settings = { ...oaiSettingsFromConfig(testConfig), pageSize: 4 };
const now = new Date('2026-03-01T00:00:00Z');
const KEY = 'upgrade-test-token-key';

/** v1 rows: what the previous version wrote (tombstones keep their sets, lose their DC). */
function v1Rows(records: readonly OaiRecord[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const r of records) rows.push([r.id, r.datestamp, r.hash, r.deleted, JSON.stringify(r.sets), r.dc ? JSON.stringify(r.dc) : null, r.teiPath ?? null]);
  return rows;
}

function v1SetRows(records: readonly OaiRecord[]): string[][] {
  const rows: string[][] = [];
  for (const r of records) {
    const specs = new Set(r.sets.flatMap((s) => [s.spec.split(':')[0] as string, s.spec]));
    for (const spec of specs) rows.push([spec, r.datestamp, r.id]);
  }
  return rows;
}

function records(root: string): OaiRecord[] {
  const decoded = writeProject(root, corpus(9));
  const upserts = planSync([], decoded, testConfig, new Date('2026-02-01T00:00:00Z')).changes.upserts;
  // One tombstone, as the previous version kept it.
  const last = upserts[upserts.length - 1] as OaiRecord;
  upserts[upserts.length - 1] = { id: last.id, datestamp: '2026-02-02T00:00:00Z', hash: 'deleted', deleted: true, sets: last.sets };
  // The records as the previous version stored them: no serializations.
  return upserts.map(({ oaiDc: _o, qdc: _q, ...rest }) => rest);
}

async function harvestAll(store: OaiStore, root: string): Promise<string[]> {
  const repo = repositoryFor(store, root);
  const out: string[] = [];
  for (const [verb, prefix] of [['ListRecords', 'oai_dc'], ['ListRecords', 'qdc'], ['ListIdentifiers', 'oai_dc'], ['ListRecords', 'tei']] as const) {
    let entries: [string, string][] = [['verb', verb], ['metadataPrefix', prefix]];
    for (let page = 0; page < 10; page++) {
      const { xml } = await handleOaiRequest(params(entries), repo, settings, now);
      expect(validateResponse(xml)).toEqual([]);
      // Tokens are signed with each store's own key; everything else must be the same.
      out.push(xml.replace(/>[^<]+<\/resumptionToken>/, '>…</resumptionToken>').replace(/resumptionToken="[^"]+"/, 'resumptionToken="…"'));
      const token = resumptionToken(xml)?.token;
      if (!token) break;
      entries = [['verb', verb], ['resumptionToken', token]];
    }
  }
  const { xml } = await handleOaiRequest(params([['verb', 'GetRecord'], ['metadataPrefix', 'qdc'], ['identifier', `oai:${settings.repositoryIdentifier}:doc-0003`]]), repo, settings, now);
  out.push(xml);
  return out;
}

async function opened(root: string, config: CablekitConfig): Promise<OaiStore> {
  const { store, diagnostics } = await openStore(root, config);
  if (!store) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return store;
}

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(() => cluster?.stop());

describe('a store of schema version 1', () => {
  it('on SQLite: is upgraded on first open and answers as a new store of the same records', async () => {
    const root = tempDir('cablekit-upgrade-');
    const config: CablekitConfig = { ...testConfig, outputDir: join(root, 'output') };
    const recs = records(root);
    const path = bookkeepingFiles(config.outputDir, root).oaiDatabase;
    mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    db.exec(V1_TABLES.replace('%BOOL%', 'INTEGER'));
    db.prepare("INSERT INTO oai_meta VALUES ('token_key', ?), ('schema_version', '1')").run(KEY);
    const insert = db.prepare('INSERT INTO oai_records VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const row of v1Rows(recs)) insert.run(...(row.map((v) => (typeof v === 'boolean' ? Number(v) : v)) as (string | number | null)[]));
    const insertSet = db.prepare('INSERT INTO oai_record_sets VALUES (?, ?, ?)');
    for (const row of v1SetRows(recs)) insertSet.run(...row);
    const insertName = db.prepare('INSERT OR IGNORE INTO oai_sets VALUES (?, ?)');
    for (const r of recs) for (const s of r.sets) insertName.run(s.spec, s.name);
    db.close();

    const upgraded = await opened(root, config);
    const got = await harvestAll(upgraded, root);
    await upgraded.close();
    const check = new DatabaseSync(path);
    expect(check.prepare("SELECT value FROM oai_meta WHERE key = 'schema_version'").get()).toEqual({ value: '2' });
    expect(check.prepare('SELECT count(*) AS n FROM oai_records WHERE deleted = 0 AND (oai_dc IS NULL OR qdc IS NULL)').get()).toEqual({ n: 0 });
    check.close();

    const freshRoot = tempDir('cablekit-upgrade-fresh-');
    writeProject(freshRoot, corpus(9));
    const fresh = await opened(freshRoot, { ...config, outputDir: join(freshRoot, 'output') });
    // The same records as the upgraded store: every response must be byte-identical.
    await fresh.apply({ upserts: recs, tombstones: [] });
    const want = await harvestAll(fresh, freshRoot);
    await fresh.close();
    expect(got.length).toBeGreaterThan(8);
    expect(got).toEqual(want);
    expect(got.join('')).toContain('<oai_dc:dc');
    expect(got.join('')).toContain('status="deleted"');
  });

  it('on PostgreSQL: is upgraded on first open and answers as a new store of the same records', async () => {
    const root = tempDir('cablekit-upgrade-pg-');
    const recs = records(root);
    const url = await (cluster as PostgresCluster).createDatabase('upgrade_v1');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(V1_TABLES.replace('%BOOL%', 'BOOLEAN'));
    await client.query("INSERT INTO oai_meta VALUES ('token_key', $1), ('schema_version', '1')", [KEY]);
    for (const row of v1Rows(recs)) await client.query('INSERT INTO oai_records VALUES ($1, $2, $3, $4, $5, $6, $7)', row);
    for (const row of v1SetRows(recs)) await client.query('INSERT INTO oai_record_sets VALUES ($1, $2, $3)', row);
    for (const r of recs) for (const s of r.sets) await client.query('INSERT INTO oai_sets VALUES ($1, $2) ON CONFLICT DO NOTHING', [s.spec, s.name]);
    await client.end();
    const config: CablekitConfig = { ...testConfig, outputDir: join(root, 'output'), oai: { ...testConfig.oai, store: url } };
    const upgraded = await opened(root, config);
    const got = await harvestAll(upgraded, root);
    await upgraded.close();

    const freshUrl = await (cluster as PostgresCluster).createDatabase('upgrade_fresh');
    const fresh = await opened(root, { ...config, oai: { ...config.oai, store: freshUrl } });
    await fresh.apply({ upserts: recs, tombstones: [] });
    const want = await harvestAll(fresh, root);
    await fresh.close();
    expect(got).toEqual(want);
    expect(got.join('')).toContain('<qdc:');
  });
});
