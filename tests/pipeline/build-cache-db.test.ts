import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookkeepingFiles } from '../../src/edition/layout.js';
import { emptyDocumentCache, type DocumentCache, type DocumentMemo } from '../../src/pipeline/document-cache.js';
import { readDocumentCacheDb, writeDocumentCacheDb } from '../../src/pipeline/document-cache-db.js';
import { countingDeps, makeEdition, noCounts, treeBytes, type Edition, type WorkCounts } from './incremental-support.js';

let ed: Edition;
let counts: WorkCounts;
const build = () => {
  counts = noCounts();
  return ed.build({ deps: countingDeps(counts) });
};
const files = () => bookkeepingFiles(ed.config.outputDir);
const rows = (table: string): Map<string, string> => {
  const db = new DatabaseSync(files().buildCache, { readOnly: true });
  try {
    const key = table === 'cache_sources' ? 'path' : table === 'cache_documents' ? 'id' : 'stage';
    return new Map((db.prepare(`SELECT ${key} AS k, memo FROM ${table}`).all() as { k: string; memo: string }[]).map((r) => [r.k, r.memo]));
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  ed = makeEdition('cablekit-cache-');
  ed.page('a.txt', 'id: doc-a\nAlpha');
  ed.page('b.txt', 'id: doc-b\nBravo');
  ed.page('c.txt', 'id: doc-c\nCharlie');
  await build();
});
afterEach(() => ed.dispose());

describe('the build cache database', () => {
  it('holds a row per source page, per document and per corpus step, and no JSON cache', () => {
    expect([...rows('cache_sources').keys()].sort()).toHaveLength(3);
    expect([...rows('cache_documents').keys()].sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(rows('cache_corpus').size).toBeGreaterThan(0);
    expect(existsSync(files().documentCache)).toBe(false);
  });

  it('writes only the rows whose work changed: rows of untouched documents are not rewritten', async () => {
    // The stored row of doc-a re-spaced (the same memo, other bytes): a run that rewrote every row
    // would put back the compact form.
    const db = new DatabaseSync(files().buildCache);
    const real = (db.prepare("SELECT memo FROM cache_documents WHERE id = 'doc-a'").get() as { memo: string }).memo;
    const marked = JSON.stringify(JSON.parse(real), null, 1);
    expect(marked).not.toBe(real);
    db.prepare("UPDATE cache_documents SET memo = ? WHERE id = 'doc-a'").run(marked);
    db.close();
    ed.page('b.txt', 'id: doc-b\nBeta');
    const before = rows('cache_documents').get('doc-b');
    await build();
    expect(counts.derive).toEqual(['doc-b']);
    expect(rows('cache_documents').get('doc-a')).toBe(marked);
    expect(rows('cache_documents').get('doc-b')).not.toBe(before);
  });

  it('deletes the rows of a document that left the corpus', async () => {
    // A page and its TEI both removed: the document is gone from the corpus.
    ed.remove('c.txt');
    rmSync(join(ed.config.teiDir, 'doc-c.xml'));
    await build();
    expect([...rows('cache_documents').keys()].sort()).toEqual(['doc-a', 'doc-b']);
    expect(rows('cache_sources').size).toBe(2);
  });

  it('a damaged database is reported, every document is redone, and the next run is quiet again', async () => {
    const clean = treeBytes(ed.root, ['tei', 'output']);
    writeFileSync(files().buildCache, 'not a database, whatever it once was');
    const damaged = await build();
    expect(damaged.diagnostics.map((d) => d.code)).toContain('build/cache-unreadable');
    expect(damaged.diagnostics.find((d) => d.code === 'build/cache-unreadable')?.file).toMatch(/build-cache\.sqlite$/);
    expect(counts.derive.sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(treeBytes(ed.root, ['tei', 'output'])).toEqual(clean);
    const next = await build();
    expect(next.diagnostics.map((d) => d.code)).not.toContain('build/cache-unreadable');
    expect(counts).toEqual(noCounts());
  });

  it('takes in the JSON cache of an earlier version once, redoing nothing, then removes it', async () => {
    const cache = readDocumentCacheDb(files().buildCache, files().documentCache).cache;
    const json = JSON.stringify({ formatVersion: 1, sources: [...cache.sources], documents: [...cache.documents], corpus: [...cache.corpus], oaiKey: cache.oaiKey });
    rmSync(files().buildCache);
    writeFileSync(files().documentCache, json);
    await build();
    expect({ ...counts, ingest: [] }).toEqual(noCounts());
    expect(existsSync(files().documentCache)).toBe(false);
    expect([...rows('cache_documents').keys()].sort()).toEqual(['doc-a', 'doc-b', 'doc-c']);
  });

  it('a run with --force rewrites the cache whole, dropping rows of documents gone meanwhile', () => {
    const path = files().buildCache;
    const stale: DocumentMemo = { id: 'gone', teiPath: 'tei/gone.xml', teiSha256: 'x', key: 'k', diagnostics: [], outputs: [], summaries: {} };
    const withGone: DocumentCache = emptyDocumentCache();
    withGone.documents.set('gone', stale);
    writeDocumentCacheDb(path, withGone, undefined, files().documentCache);
    expect([...rows('cache_documents').keys()]).toEqual(['gone']);
    const loaded = readDocumentCacheDb(path, files().documentCache);
    expect(loaded.mirrorsDatabase).toBe(true);
    expect(loaded.cache.documents.get('gone')).toEqual(stale);
    writeDocumentCacheDb(path, emptyDocumentCache(), undefined, files().documentCache);
    expect(rows('cache_documents').size).toBe(0);
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});
