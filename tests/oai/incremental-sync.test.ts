import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { CablekitConfig } from '../../src/config/config.js';
import { bookkeepingFiles } from '../../src/edition/layout.js';
import { oaiDraftOf, openStore, syncOaiStoreDrafts, type LastSync, type OaiRecord, type SourcedDraft } from '../../src/oai/index.js';
import type { DecodedCable } from '../../src/stage/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { testConfig } from '../dc/sample-cables.js';
import { storeProjects, type StoreKind } from './store-projects.js';
import { corpus } from './corpus.js';
import { tempDir, writeProject } from './support.js';

/**
 * The incremental store sync: a build that changed a few records looks up and writes only those,
 * while the store is as the build's last sync left it (same generation); in every other case — a
 * new store, a migrated one, another edition's build, a restored backup, a hand edit, a deleted
 * build cache — it compares every stored record and puts the store right. Everything runs on the
 * real stores (SQLite and a throwaway PostgreSQL cluster); the figures come from the databases.
 */

const t1 = new Date('2026-03-01T09:00:00Z');
const t2 = new Date('2026-03-02T09:00:00Z');
const t3 = new Date('2026-03-03T09:00:00Z');
const d1 = '2026-03-01T09:00:00Z';
const d2 = '2026-03-02T09:00:00Z';
const d3 = '2026-03-03T09:00:00Z';

const { project, newDatabase, nextDatabaseName } = storeProjects({ folder: 'cablekit-incr-sync-', database: 'incr' });
type Kind = StoreKind;

/** The same project with a new, empty PostgreSQL database as its store. */
async function anotherDatabase(config: CablekitConfig): Promise<CablekitConfig> {
  return { ...config, oai: { ...config.oai, store: await newDatabase() } };
}

const errorsOf = (d: Diagnostic[]): string[] => d.filter((x) => x.severity === 'error').map((x) => x.code);
const synced = (d: Diagnostic[]): string | undefined => d.find((x) => x.code === 'oai/store-synced')?.message;

/**
 * One sync of these cables' records; returns what a build would record for the next one. As the
 * build does, a record equal to the last sync's is handed over as the very same object.
 */
async function sync(root: string, config: CablekitConfig, decoded: readonly DecodedCable[], now: Date, last?: LastSync) {
  const kept = new Map((last?.records ?? []).map((r) => [r.draft.id, r]));
  const records: SourcedDraft[] = decoded.map((d) => {
    const draft = oaiDraftOf(d, config);
    const old = kept.get(draft.id);
    return old !== undefined && old.draft.hash === draft.hash ? { ...old, file: d.teiPath } : { draft, file: d.teiPath };
  });
  const result = await syncOaiStoreDrafts(records, config, root, now, new Set(), last);
  expect(errorsOf(result.diagnostics)).toEqual([]);
  if (result.plan === undefined || result.generation === undefined) throw new Error('the sync reported no plan');
  const next: LastSync = { generation: result.generation, records, kept: [] };
  return { ...result, plan: result.plan, next };
}

async function records_(root: string, config: CablekitConfig): Promise<Map<string, OaiRecord>> {
  const { store, diagnostics } = await openStore(root, config);
  if (!store) throw new Error(diagnostics.map((d) => d.message).join('; '));
  try {
    return new Map((await store.list({}, undefined, 100_000)).map((r) => [r.id, r]));
  } finally {
    await store.close();
  }
}

/** Runs SQL on the store behind cablekit's back (a hand edit). */
async function handEdit(kind: Kind, root: string, config: CablekitConfig, sql: string): Promise<void> {
  if (kind === 'sqlite') {
    const db = new DatabaseSync(bookkeepingFiles(config.outputDir, root).oaiDatabase);
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: config.oai.store });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `doc-${String(i).padStart(4, '0')}`);
/** TEI notes that change the records of these ids (their TEI bytes, hence their hashes). */
const notesFor = (changed: readonly string[], note = ' (corrected)'): Record<string, string> => Object.fromEntries(changed.map((id) => [id, note]));

describe.each(['sqlite', 'postgres'] as const)('the incremental sync on %s', (kind) => {
  it('a build that changed 10 of 100 records looks up and writes only those (and the one that left)', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(100);
    const first = await sync(root, config, writeProject(root, cables), t1);
    expect(first.plan).toMatchObject({ mode: 'full', statesRead: 0, counts: { added: 101, updated: 0, deleted: 0, unchanged: 0 } });
    expect(first.plan.reason).toContain('no earlier sync');

    // Ten records change, one leaves the corpus.
    const changed = ids(100).filter((_, i) => i % 10 === 3);
    const second = await sync(root, config, writeProject(root, cables.filter((c) => c.id !== 'doc-0050'), notesFor(changed)), t2, first.next);
    expect(second.plan).toMatchObject({ mode: 'incremental', statesRead: 11, counts: { added: 0, updated: 10, deleted: 1, unchanged: 90 } });
    expect(synced(second.diagnostics)).toContain('looked up 11 stored records');
    // The writes are those of 11 records (each with its set rows), as the database counts them:
    // far fewer than the first sync's, which wrote all 101.
    expect(second.plan.rowsWritten).toBeGreaterThan(0);
    expect(second.plan.rowsWritten).toBeLessThan(first.plan.rowsWritten / 4);
    const stored = await records_(root, config);
    for (const [id, r] of stored) {
      expect([id, r.datestamp, r.deleted]).toEqual([id, changed.includes(id) || id === 'doc-0050' ? d2 : d1, id === 'doc-0050']);
    }

    // Nothing changed since (the build says so): only the generation is checked.
    const third = await sync(root, config, writeProject(root, cables.filter((c) => c.id !== 'doc-0050'), notesFor(changed)), t3, { ...second.next, unchanged: true });
    expect(third.plan).toMatchObject({ mode: 'unchanged', statesRead: 0, rowsWritten: 0 });
    expect(third.generation).toBe(second.generation);
    expect(synced(third.diagnostics)).toBeUndefined();
    // The same records without that hint: compared with the last sync's, nothing looked up.
    const fourth = await sync(root, config, writeProject(root, cables.filter((c) => c.id !== 'doc-0050'), notesFor(changed)), t3, second.next);
    expect(fourth.plan).toMatchObject({ mode: 'incremental', statesRead: 0, rowsWritten: 0, counts: { added: 0, updated: 0, deleted: 0, unchanged: 100 } });
    expect(new Set([...(await records_(root, config)).values()].map((r) => r.datestamp))).toEqual(new Set([d1, d2]));
  });

  it('a changed record that takes the id of an unchanged one is not trusted to the look-ups: compared in full, reported', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    const first = await sync(root, config, writeProject(root, cables), t1);
    const clash = cables.map((c) => (c.id === 'doc-0003' ? { ...c, id: 'doc-0007' } : c));
    const decoded = writeProject(root, clash);
    const records: SourcedDraft[] = decoded.map((d) => ({ draft: oaiDraftOf(d, config), file: d.teiPath }));
    const kept = new Map(first.next.records.map((r) => [r.draft.id, r]));
    const handed = records.map((r) => (kept.get(r.draft.id)?.draft.hash === r.draft.hash ? { ...kept.get(r.draft.id)!, file: r.file } : r));
    const result = await syncOaiStoreDrafts(handed, config, root, t2, new Set(), first.next);
    expect(result.plan).toMatchObject({ mode: 'full', reason: 'two records have one id' });
    expect(errorsOf(result.diagnostics)).toEqual(['oai/duplicate-id']);
    // The first of the two wins, as it always did: doc-0003 left (tombstone), doc-0007 is the first claimant's record.
    const stored = await records_(root, config);
    expect(stored.get('doc-0003')).toMatchObject({ deleted: true, datestamp: d2 });
    expect(stored.get('doc-0007')).toMatchObject({ deleted: false, hash: records[3]!.draft.hash, datestamp: d2 });
  });

  it('a cable that comes back and a new one are looked up as well', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(20);
    const first = await sync(root, config, writeProject(root, cables.filter((c) => c.id !== 'doc-0005')), t1);
    // doc-0005 was never synced: new. Then it leaves again and comes back.
    const second = await sync(root, config, writeProject(root, cables), t2, first.next);
    expect(second.plan).toMatchObject({ mode: 'incremental', statesRead: 0, counts: { added: 1, updated: 0, deleted: 0, unchanged: 20 } });
    const third = await sync(root, config, writeProject(root, cables.filter((c) => c.id !== 'doc-0005')), t3, second.next);
    expect(third.plan).toMatchObject({ mode: 'incremental', statesRead: 1, counts: { deleted: 1, unchanged: 20 } });
    const fourth = await sync(root, config, writeProject(root, cables), new Date('2026-03-04T09:00:00Z'), third.next);
    expect(fourth.plan).toMatchObject({ mode: 'incremental', statesRead: 1, counts: { added: 0, updated: 1, unchanged: 20 } });
    expect((await records_(root, config)).get('doc-0005')).toMatchObject({ deleted: false, datestamp: '2026-03-04T09:00:00Z' });
  });

  it('a new store (the old one gone) is compared in full, whatever the build cache says', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    const first = await sync(root, config, writeProject(root, cables), t1);
    const fresh = kind === 'sqlite' ? config : await anotherDatabase(config);
    if (kind === 'sqlite') rmSync(bookkeepingFiles(config.outputDir, root).oaiDatabase);
    const second = await sync(root, fresh, writeProject(root, cables), t2, { ...first.next, unchanged: true });
    expect(second.plan).toMatchObject({ mode: 'full', counts: { added: 11, updated: 0, unchanged: 0 } });
    expect(second.plan.reason).toContain('written since the last sync');
    expect((await records_(root, fresh)).size).toBe(11);
  });

  it('records handed over as their heads are loaded whole only when the store must be written', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    const decoded = writeProject(root, cables);
    const first = await sync(root, config, decoded, t1);
    let loads = 0;
    // As the build hands over records it kept from an earlier run: id and hash, the rest on demand.
    const heads: SourcedDraft[] = decoded.map((d) => {
      const whole = oaiDraftOf(d, config);
      return { draft: { id: whole.id, hash: whole.hash }, file: d.teiPath, load: () => (loads++, whole) };
    });
    const incremental = await syncOaiStoreDrafts(heads, config, root, t2, new Set(), first.next);
    expect(incremental.plan).toMatchObject({ mode: 'incremental', counts: { unchanged: 11 } });
    expect(loads).toBe(0);
    const fresh = kind === 'sqlite' ? config : await anotherDatabase(config);
    if (kind === 'sqlite') rmSync(bookkeepingFiles(config.outputDir, root).oaiDatabase);
    const full = await syncOaiStoreDrafts(heads, fresh, root, t2, new Set(), first.next);
    expect(full.plan).toMatchObject({ mode: 'full', counts: { added: 11 } });
    expect(loads).toBe(11);
    const stored = await records_(root, fresh);
    for (const d of decoded) expect(stored.get(d.cable.id)?.oaiDc).toBe(oaiDraftOf(d, config).oaiDc);
  });

  it('a store migrated from the JSON store is compared in full', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(3);
    const first = await sync(root, config, writeProject(root, cables), t1);
    // The store is replaced by one migrated from a JSON store (an older copy of the edition's records).
    const target = kind === 'sqlite' ? config : await anotherDatabase(config);
    if (kind === 'sqlite') rmSync(bookkeepingFiles(config.outputDir, root).oaiDatabase);
    mkdirSync(join(root, '.cablekit'), { recursive: true });
    writeFileSync(
      join(root, '.cablekit', 'oai-store.json'),
      JSON.stringify({
        format: 'cablekit-oai-store',
        version: 1,
        tokenKey: 'json-key',
        records: [
          { id: 'doc-0001', datestamp: '2025-11-01T10:00:00Z', hash: 'stale', deleted: false, sets: [], teiPath: 'tei/doc-0001.xml' },
          { id: 'doc-gone', datestamp: '2025-11-01T10:00:00Z', hash: 'old', deleted: false, sets: [], teiPath: 'tei/doc-gone.xml' },
        ],
      }),
    );
    const second = await sync(root, target, writeProject(root, cables), t2, { ...first.next, unchanged: true });
    expect(second.diagnostics.map((d) => d.code)).toEqual(['oai/store-migrated', 'oai/store-synced']);
    expect(second.plan).toMatchObject({ mode: 'full', counts: { added: 3, updated: 1, deleted: 1, unchanged: 0 } });
    const stored = await records_(root, target);
    expect(stored.get('doc-0001')).toMatchObject({ datestamp: d2, deleted: false });
    expect(stored.get('doc-gone')).toMatchObject({ datestamp: d2, deleted: true });
  });

  it("a store another edition's build wrote to is compared in full, and put right", async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    const first = await sync(root, config, writeProject(root, cables), t1);
    // Another checkout of the edition, with its own build cache, syncs other records into the same store.
    const other = tempDir('cablekit-incr-other-');
    const elsewhere = await sync(other, { ...config, outputDir: config.outputDir }, writeProject(other, cables.slice(0, 4), notesFor(['doc-0001'], ' (their copy)')), t2);
    expect(elsewhere.plan.counts).toMatchObject({ updated: 1, deleted: 7 });
    // This edition's build changed nothing and says so; the store's generation tells otherwise.
    const second = await sync(root, config, writeProject(root, cables), t3, { ...first.next, unchanged: true });
    expect(second.plan).toMatchObject({ mode: 'full', counts: { added: 0, updated: 8, deleted: 0, unchanged: 3 } });
    const stored = await records_(root, config);
    expect([...stored.values()].filter((r) => r.deleted)).toEqual([]);
    expect(stored.get('doc-0001')).toMatchObject({ datestamp: d3, hash: first.next.records[1]?.draft.hash });
    expect(stored.get('doc-0002')?.datestamp).toBe(d1);
  });

  it('a store restored from a backup is compared in full: the changes made since the backup are written again', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(20);
    const first = await sync(root, config, writeProject(root, cables), t1);
    // Backup after the first sync.
    const path = bookkeepingFiles(config.outputDir, root).oaiDatabase;
    let restored = config;
    if (kind === 'sqlite') copyFileSync(path, `${path}.backup`);
    else {
      const name = nextDatabaseName();
      await asAdmin(config, `CREATE DATABASE ${name} TEMPLATE ${new URL(config.oai.store as string).pathname.slice(1)}`);
      const url = new URL(config.oai.store as string);
      url.pathname = `/${name}`;
      restored = { ...config, oai: { ...config.oai, store: url.toString() } };
    }
    const changed = ['doc-0002', 'doc-0007'];
    const second = await sync(root, config, writeProject(root, cables, notesFor(changed)), t2, first.next);
    expect(second.plan).toMatchObject({ mode: 'incremental', counts: { updated: 2 } });
    // The store is restored from the backup (it lacks the second sync); the build changed nothing since.
    if (kind === 'sqlite') {
      for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      copyFileSync(`${path}.backup`, path);
    }
    const third = await sync(root, restored, writeProject(root, cables, notesFor(changed)), t3, { ...second.next, unchanged: true });
    expect(third.plan).toMatchObject({ mode: 'full', counts: { added: 0, updated: 2, deleted: 0, unchanged: 19 } });
    const stored = await records_(root, restored);
    for (const id of changed) expect(stored.get(id)).toMatchObject({ datestamp: d3, hash: second.next.records.find((r) => r.draft.id === id)?.draft.hash });
    expect(stored.get('doc-0001')?.datestamp).toBe(d1);
  });

  it('a store edited by hand (a changed hash, a deleted row) is compared in full and put right', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    const first = await sync(root, config, writeProject(root, cables), t1);
    await handEdit(kind, root, config, "UPDATE oai_records SET hash = 'edited' WHERE id = 'doc-0003'");
    await handEdit(kind, root, config, "DELETE FROM oai_records WHERE id = 'doc-0004'");
    const second = await sync(root, config, writeProject(root, cables), t2, { ...first.next, unchanged: true });
    expect(second.plan).toMatchObject({ mode: 'full', counts: { added: 1, updated: 1, deleted: 0, unchanged: 9 } });
    const stored = await records_(root, config);
    expect(stored.get('doc-0003')?.datestamp).toBe(d2);
    expect(stored.get('doc-0004')?.datestamp).toBe(d2);
    // Emptied altogether (DELETE on SQLite, TRUNCATE on PostgreSQL): refilled by the next build.
    await handEdit(kind, root, config, kind === 'sqlite' ? 'DELETE FROM oai_records' : 'TRUNCATE oai_records');
    const third = await sync(root, config, writeProject(root, cables), t3, { ...second.next, unchanged: true });
    expect(third.plan).toMatchObject({ mode: 'full', counts: { added: 11 } });
  });

  it('a deleted build cache (no last sync) compares in full and keeps every datestamp', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(10);
    await sync(root, config, writeProject(root, cables), t1);
    const second = await sync(root, config, writeProject(root, cables), t2);
    expect(second.plan).toMatchObject({ mode: 'full', statesRead: 11, rowsWritten: 0, counts: { added: 0, updated: 0, deleted: 0, unchanged: 11 } });
    expect(second.plan.reason).toContain('no earlier sync');
    expect(new Set([...(await records_(root, config)).values()].map((r) => r.datestamp))).toEqual(new Set([d1]));
  });
});

describe('the PostgreSQL store, opened again', () => {
  it('runs no DDL once its schema is in place: a reader in a long transaction does not hold up the next build', async () => {
    const { root, config } = await project('postgres');
    const cables = corpus(3);
    const first = await sync(root, config, writeProject(root, cables), t1);
    const reader = new pg.Client({ connectionString: config.oai.store });
    await reader.connect();
    try {
      // A harvest's read, its transaction still open: ALTER TABLE or CREATE TRIGGER would wait for it.
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM oai_records');
      const next = sync(root, config, writeProject(root, cables, notesFor(['doc-0001'])), t2, first.next);
      const timeout = new Promise<'blocked'>((ok) => setTimeout(() => ok('blocked'), 10_000));
      const done = await Promise.race([next.then((r) => r.plan.mode), timeout]);
      expect(done).toBe('incremental');
    } finally {
      await reader.query('ROLLBACK').catch(() => undefined);
      await reader.end();
    }
  });
});

/** Runs SQL in the cluster's maintenance database (as the store's user, the cluster's superuser). */
async function asAdmin(config: CablekitConfig, sql: string): Promise<void> {
  const url = new URL(config.oai.store as string);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

