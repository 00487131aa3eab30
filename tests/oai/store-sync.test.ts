import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  handleOaiRequest,
  oaiSettingsFromConfig,
  openOaiStore,
  readStoreFile,
  syncOaiStore,
  defaultOaiStorePath,
} from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { corpus } from './corpus.js';
import { datestamps, errorCodes, identifiers, params, resumptionToken, tempDir, validateResponse, writeProject } from './support.js';

const settings = { ...oaiSettingsFromConfig(testConfig), pageSize: 4 };
const t1 = new Date('2026-01-10T09:00:00Z');
const t2 = new Date('2026-01-11T09:00:00Z');
const t3 = new Date('2026-01-12T09:00:00Z');

function harvest(storePath: string, root: string, entries: [string, string][]): string {
  const { repository } = openOaiStore(storePath, root).current();
  const { xml } = handleOaiRequest(params(entries), repository, settings, t3);
  expect(validateResponse(xml)).toEqual([]);
  return xml;
}

describe('syncOaiStore', () => {
  it('defaults to .cablekit/oai-store.json beside the output folder', () => {
    expect(defaultOaiStorePath('/p', { outputDir: 'output' })).toBe('/p/.cablekit/oai-store.json');
  });

  it('keeps datestamps of unchanged records and does not rewrite the file', () => {
    const root = tempDir('cablekit-sync-');
    const store = join(root, '.cablekit', 'oai-store.json');
    const cables = corpus(5);
    const decoded = writeProject(root, cables);
    expect(syncOaiStore(decoded, testConfig, store, t1).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const before = readFileSync(store, 'utf8');
    const again = syncOaiStore(decoded, testConfig, store, t2).diagnostics;
    expect(again.find((d) => d.code === 'oai/store-synced')?.message).toContain('0 added, 0 updated, 0 deleted, 6 unchanged');
    expect(readFileSync(store, 'utf8')).toBe(before);
    expect(new Set(readStoreFile(store).data?.records.map((r) => r.datestamp))).toEqual(new Set(['2026-01-10T09:00:00Z']));
  });

  it('turns a removed cable into a persistent tombstone, and a changed TEI moves the datestamp', () => {
    const root = tempDir('cablekit-sync-');
    const store = join(root, 'store.json');
    const cables = corpus(5);
    syncOaiStore(writeProject(root, cables), testConfig, store, t1);
    // Rebuild without doc-0001 and with a hand edit in doc-0002's TEI.
    const next = writeProject(root, cables.filter((c) => c.id !== 'doc-0001'), { 'doc-0002': ' (corrected by hand)' });
    const diags = syncOaiStore(next, testConfig, store, t2).diagnostics;
    expect(diags.find((d) => d.code === 'oai/store-synced')?.message).toContain('0 added, 1 updated, 1 deleted, 4 unchanged');

    const gone = harvest(store, root, [['verb', 'GetRecord'], ['identifier', 'oai:edition.example.org:doc-0001'], ['metadataPrefix', 'oai_dc']]);
    expect(gone).toContain('<header status="deleted"><identifier>oai:edition.example.org:doc-0001</identifier><datestamp>2026-01-11T09:00:00Z</datestamp>');
    expect(gone).not.toContain('<metadata>');

    const incremental = harvest(store, root, [['verb', 'ListRecords'], ['metadataPrefix', 'tei'], ['from', '2026-01-11']]);
    expect(identifiers(incremental)).toEqual(['oai:edition.example.org:doc-0001', 'oai:edition.example.org:doc-0002']);
    expect(datestamps(incremental)).toEqual(['2026-01-11T09:00:00Z', '2026-01-11T09:00:00Z']);
    expect(incremental).toContain('(corrected by hand)');

    // The tombstone stays through later syncs (deletedRecord = persistent).
    syncOaiStore(next, testConfig, store, t3);
    expect(readStoreFile(store).data?.records.find((r) => r.id === 'doc-0001')).toMatchObject({ deleted: true, datestamp: '2026-01-11T09:00:00Z' });

    // A cable that comes back is a live record again, with a new datestamp.
    syncOaiStore(writeProject(root, cables, { 'doc-0002': ' (corrected by hand)' }), testConfig, store, t3);
    expect(readStoreFile(store).data?.records.find((r) => r.id === 'doc-0001')).toMatchObject({ deleted: false, datestamp: '2026-01-12T09:00:00Z' });
  });

  it('moves the datestamp when only the DC changes (a new publisher in the config)', () => {
    const root = tempDir('cablekit-sync-');
    const store = join(root, 'store.json');
    const decoded = writeProject(root, corpus(2));
    syncOaiStore(decoded, testConfig, store, t1);
    syncOaiStore(decoded, { ...testConfig, publisher: 'Another publisher' }, store, t2);
    expect(new Set(readStoreFile(store).data?.records.map((r) => r.datestamp))).toEqual(new Set(['2026-01-11T09:00:00Z']));
  });

  it('keeps resumption tokens valid across a restart (a new reader of the same file)', () => {
    const root = tempDir('cablekit-sync-');
    const store = join(root, 'store.json');
    syncOaiStore(writeProject(root, corpus(10)), testConfig, store, t1);
    const first = harvest(store, root, [['verb', 'ListIdentifiers'], ['metadataPrefix', 'qdc']]);
    const token = resumptionToken(first)?.token ?? '';
    const second = harvest(store, root, [['verb', 'ListIdentifiers'], ['resumptionToken', token]]);
    expect(errorCodes(second)).toEqual([]);
    expect(resumptionToken(second)?.cursor).toBe(4);
  });

  it('refuses to overwrite a store it cannot read', () => {
    const root = tempDir('cablekit-sync-');
    const store = join(root, 'store.json');
    writeFileSync(store, '{"not": "a store"}');
    const { diagnostics } = syncOaiStore(writeProject(root, corpus(1)), testConfig, store, t1);
    expect(diagnostics.map((d) => d.code)).toEqual(['oai/store-corrupt']);
    expect(readFileSync(store, 'utf8')).toBe('{"not": "a store"}');
  });

  it('reports duplicate ids', () => {
    const root = tempDir('cablekit-sync-');
    const decoded = writeProject(root, corpus(1));
    const { diagnostics } = syncOaiStore([...decoded, ...decoded], testConfig, join(root, 's.json'), t1);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['oai/duplicate-id', 'oai/duplicate-id']);
  });
});
