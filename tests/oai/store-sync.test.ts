import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CablekitConfig } from '../../src/config/config.js';
import { handleOaiRequest, oaiSettingsFromConfig, openStore, repositoryFor, syncOaiStore, type OaiRecord } from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { storeProjects } from './store-projects.js';
import { corpus } from './corpus.js';
import { datestamps, errorCodes, identifiers, params, resumptionToken, tempDir, validateResponse, writeProject } from './support.js';

const settings = { ...oaiSettingsFromConfig(testConfig), pageSize: 4 };
const t1 = new Date('2026-01-10T09:00:00Z');
const t2 = new Date('2026-01-11T09:00:00Z');
const t3 = new Date('2026-01-12T09:00:00Z');

const { project } = storeProjects({ folder: 'cablekit-sync-', database: 'sync' });

async function withStore<T>(root: string, config: CablekitConfig, use: (records: (id: string) => Promise<OaiRecord | undefined>, all: () => Promise<OaiRecord[]>) => Promise<T>): Promise<T> {
  const { store, diagnostics } = await openStore(root, config);
  if (!store) throw new Error(diagnostics.map((d) => d.message).join('; '));
  try {
    return await use((id) => store.get(id), () => store.list({}, undefined, 1000));
  } finally {
    await store.close();
  }
}

async function harvest(root: string, config: CablekitConfig, entries: [string, string][]): Promise<string> {
  const { store } = await openStore(root, config);
  if (!store) throw new Error('no store');
  try {
    const { xml } = await handleOaiRequest(params(entries), repositoryFor(store, root), settings, t3);
    expect(validateResponse(xml)).toEqual([]);
    return xml;
  } finally {
    await store.close();
  }
}

const errorsOf = (d: { severity: string; code: string }[]): string[] => d.filter((x) => x.severity === 'error').map((x) => x.code);

describe.each(['sqlite', 'postgres'] as const)('syncOaiStore on %s', (kind) => {
  it('keeps datestamps of unchanged records and writes nothing when nothing changed', async () => {
    const { root, config } = await project(kind);
    const decoded = writeProject(root, corpus(5));
    expect(errorsOf((await syncOaiStore(decoded, config, root, t1)).diagnostics)).toEqual([]);
    const again = (await syncOaiStore(decoded, config, root, t2)).diagnostics;
    expect(again.find((d) => d.code === 'oai/store-synced')?.message).toContain('0 added, 0 updated, 0 deleted, 6 unchanged');
    await withStore(root, config, async (_get, all) => {
      expect(new Set((await all()).map((r) => r.datestamp))).toEqual(new Set(['2026-01-10T09:00:00Z']));
    });
  });

  it('turns a removed cable into a persistent tombstone, and a changed TEI moves the datestamp', async () => {
    const { root, config } = await project(kind);
    const cables = corpus(5);
    await syncOaiStore(writeProject(root, cables), config, root, t1);
    // Rebuild without doc-0001 and with a hand edit in doc-0002's TEI.
    const next = writeProject(root, cables.filter((c) => c.id !== 'doc-0001'), { 'doc-0002': ' (corrected by hand)' });
    const diags = (await syncOaiStore(next, config, root, t2)).diagnostics;
    expect(diags.find((d) => d.code === 'oai/store-synced')?.message).toContain('0 added, 1 updated, 1 deleted, 4 unchanged');

    const gone = await harvest(root, config, [['verb', 'GetRecord'], ['identifier', 'oai:edition.example.org:doc-0001'], ['metadataPrefix', 'oai_dc']]);
    expect(gone).toContain('<header status="deleted"><identifier>oai:edition.example.org:doc-0001</identifier><datestamp>2026-01-11T09:00:00Z</datestamp>');
    expect(gone).not.toContain('<metadata>');
    // The tombstone keeps its sets, so a set harvest sees the deletion too.
    expect(gone).toMatch(/<datestamp>2026-01-11T09:00:00Z<\/datestamp><setSpec>/);

    const incremental = await harvest(root, config, [['verb', 'ListRecords'], ['metadataPrefix', 'tei'], ['from', '2026-01-11']]);
    expect(identifiers(incremental)).toEqual(['oai:edition.example.org:doc-0001', 'oai:edition.example.org:doc-0002']);
    expect(datestamps(incremental)).toEqual(['2026-01-11T09:00:00Z', '2026-01-11T09:00:00Z']);
    expect(incremental).toContain('(corrected by hand)');

    // The tombstone stays through later syncs (deletedRecord = persistent).
    await syncOaiStore(next, config, root, t3);
    await withStore(root, config, async (get) => expect(await get('doc-0001')).toMatchObject({ deleted: true, datestamp: '2026-01-11T09:00:00Z' }));

    // A cable that comes back is a live record again, with a new datestamp.
    await syncOaiStore(writeProject(root, cables, { 'doc-0002': ' (corrected by hand)' }), config, root, t3);
    await withStore(root, config, async (get) => expect(await get('doc-0001')).toMatchObject({ deleted: false, datestamp: '2026-01-12T09:00:00Z' }));
  });

  it('moves the datestamp when only the DC changes (a new publisher in the config)', async () => {
    const { root, config } = await project(kind);
    const decoded = writeProject(root, corpus(2));
    await syncOaiStore(decoded, config, root, t1);
    await syncOaiStore(decoded, { ...config, publisher: 'Another publisher' }, root, t2);
    await withStore(root, config, async (_get, all) => {
      expect(new Set((await all()).map((r) => r.datestamp))).toEqual(new Set(['2026-01-11T09:00:00Z']));
    });
  });

  it('keeps resumption tokens valid across a restart (a new reader of the same store)', async () => {
    const { root, config } = await project(kind);
    await syncOaiStore(writeProject(root, corpus(10)), config, root, t1);
    const first = await harvest(root, config, [['verb', 'ListIdentifiers'], ['metadataPrefix', 'qdc']]);
    const token = resumptionToken(first)?.token ?? '';
    const second = await harvest(root, config, [['verb', 'ListIdentifiers'], ['resumptionToken', token]]);
    expect(errorCodes(second)).toEqual([]);
    expect(resumptionToken(second)?.cursor).toBe(4);
  });

  it('reports duplicate ids', async () => {
    const { root, config } = await project(kind);
    const decoded = writeProject(root, corpus(1));
    const { diagnostics } = await syncOaiStore([...decoded, ...decoded], config, root, t1);
    expect(errorsOf(diagnostics)).toEqual(['oai/duplicate-id', 'oai/duplicate-id']);
  });

  it('migrates the JSON store of earlier versions on first use: records, datestamps, tombstones, token key', async () => {
    const { root, config } = await project(kind);
    const json = join(root, '.cablekit', 'oai-store.json');
    mkdirSync(join(root, '.cablekit'), { recursive: true });
    const cables = corpus(3);
    const decoded = writeProject(root, cables);
    const legacy = {
      format: 'cablekit-oai-store',
      version: 1,
      tokenKey: 'a-key-from-the-json-store',
      records: [
        { id: 'doc-gone', datestamp: '2025-12-01T00:00:00Z', hash: 'deleted', deleted: true, sets: [{ spec: 'year:1965', name: '1965' }] },
        { id: 'doc-0001', datestamp: '2025-11-01T10:00:00Z', hash: 'stale', deleted: false, sets: [], teiPath: 'tei/doc-0001.xml' },
      ],
    };
    writeFileSync(json, JSON.stringify(legacy));
    // A token the JSON-era server issued (version 1, no size inside) still resumes.
    const { encodeToken } = await import('../../src/oai/index.js');
    const oldToken = encodeToken({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', after: { datestamp: '2025-11-01T10:00:00Z', id: 'doc-0001' } }, legacy.tokenKey);

    const opened = await openStore(root, config);
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['oai/store-migrated']);
    expect(opened.store?.tokenKey).toBe('a-key-from-the-json-store');
    expect(await opened.store?.get('doc-gone')).toEqual(legacy.records[0]);
    expect(await opened.store?.get('doc-0001')).toEqual(legacy.records[1]);
    await opened.store?.close();
    expect(existsSync(json)).toBe(false);
    expect(JSON.parse(readFileSync(`${json}.migrated`, 'utf8'))).toEqual(legacy);

    const resumed = await harvest(root, config, [['verb', 'ListIdentifiers'], ['resumptionToken', oldToken]]);
    expect(errorCodes(resumed)).toEqual([]);
    expect(identifiers(resumed)).toEqual(['oai:edition.example.org:doc-gone']);
    expect(resumptionToken(resumed)).toEqual({ token: '', cursor: 1, completeListSize: 2 });

    // The first build after the migration compares against the migrated records.
    const synced = (await syncOaiStore(decoded, config, root, t1)).diagnostics;
    expect(synced.find((d) => d.code === 'oai/store-synced')?.message).toContain('3 added, 1 updated, 0 deleted, 0 unchanged');
  });
});

describe('the store on first use', () => {
  it('refuses to start over a JSON store it cannot read, and leaves the file alone', async () => {
    const { root, config } = await project('sqlite');
    mkdirSync(join(root, '.cablekit'), { recursive: true });
    const json = join(root, '.cablekit', 'oai-store.json');
    writeFileSync(json, '{"not": "a store"}');
    const { diagnostics } = await syncOaiStore(writeProject(root, corpus(1)), config, root, t1);
    expect(diagnostics.map((d) => d.code)).toEqual(['oai/store-corrupt']);
    expect(readFileSync(json, 'utf8')).toBe('{"not": "a store"}');
    // Once the file is repaired, the next run migrates it.
    writeFileSync(json, JSON.stringify({ format: 'cablekit-oai-store', version: 1, tokenKey: 'k', records: [] }));
    expect((await syncOaiStore(writeProject(root, corpus(1)), config, root, t1)).diagnostics.map((d) => d.code)).toEqual(['oai/store-migrated', 'oai/store-synced']);
  });

  it('names the PostgreSQL server it cannot reach, without its password', async () => {
    const root = tempDir('cablekit-sync-');
    const config = { ...testConfig, outputDir: join(root, 'output'), oai: { ...testConfig.oai, store: 'postgres://user:secret@127.0.0.1:1/none' } };
    const { store, diagnostics } = await openStore(root, config);
    expect(store).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['oai/store-unavailable']);
    expect(JSON.stringify(diagnostics)).not.toContain('secret');
    expect(diagnostics[0]?.file).toBe('postgres://user:***@127.0.0.1:1/none');
  });
});
