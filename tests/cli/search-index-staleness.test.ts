import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchEdition } from '../../bench/build-edition.js';
import { treeBytes } from '../pipeline/incremental-support.js';
import { assertCliBuilt, runCli, snapshotTree } from './cli-harness.js';

/**
 * The search index is kept in parts (src/site/search-shards.ts) and a build makes again only the
 * parts whose document pages changed, or that are missing. The build tells from the outputs
 * ledger, which it reads only when the ledger was written since `.cablekit/search-index.json`
 * was kept. Whatever the run made again, the index ends as a clean build makes it.
 */
const PAGES = 12;
/** Three pages a part: four parts for twelve pages. */
const CONFIG = { searchPagesPerShard: 3 };
const ENV = { SOURCE_DATE_EPOCH: '1767225600', CABLEKIT_NO_SEAL: '1' };
const MADE = /Search index: (\d+) pages(?: \((\d+) of its (\d+) parts\))? in/;

const dirs: string[] = [];
function edition(config: Record<string, unknown> = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-search-'));
  dirs.push(dir);
  writeBenchEdition(dir, PAGES);
  setConfig(dir, config);
  return dir;
}
function setConfig(dir: string, extra: Record<string, unknown>): void {
  const path = join(dir, 'cablekit.config.json');
  const base = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete base['searchPagesPerShard'];
  writeFileSync(path, JSON.stringify({ ...base, ...extra }, null, 2));
}
/** What the build said of the index: pages indexed, parts made and parts in all (none: not made). */
function build(dir: string): { pages: number; made: number; parts: number } | undefined {
  const run = runCli(['build', '--no-progress'], dir, ENV);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  const m = MADE.exec(run.stderr);
  if (m === null) return undefined;
  const parts = Number(m[3] ?? 1);
  return { pages: Number(m[1]), made: Number(m[2] ?? parts), parts };
}
const bundle = (dir: string): Map<string, string> => treeBytes(join(dir, 'output', 'site'), ['pagefind']);
const partsOf = (dir: string): string[] => readdirSync(join(dir, 'output', 'site', 'pagefind', 'shards')).sort();
const kept = (dir: string): { shardCount: number; shards: Record<string, string>; ledgerStamp?: string } =>
  JSON.parse(readFileSync(join(dir, '.cablekit', 'search-index.json'), 'utf8'));
/** The index a clean build makes of the edition's sources and settings as they are now. */
function cleanBundle(dir: string): Map<string, string> {
  const clean = mkdtempSync(join(tmpdir(), 'cablekit-search-clean-'));
  dirs.push(clean);
  cpSync(join(dir, 'sources'), join(clean, 'sources'), { recursive: true });
  cpSync(join(dir, 'cablekit.config.json'), join(clean, 'cablekit.config.json'));
  expect(build(clean)).toBeDefined();
  return bundle(clean);
}
/** A source page with a sentence added to its summary: its document page changes with it. */
function editSource(dir: string, file: string, words: string): void {
  const path = join(dir, 'sources', file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace('**Summary:**\n\n', `**Summary:**\n\n${words} `);
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
}

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = edition();
  expect(build(dir)).toEqual({ pages: PAGES, made: 4, parts: 4 });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the search index in parts', { timeout: 300_000 }, () => {
  it('lists its parts for the search page, the first with the search runtime, and keeps each part’s digest and the ledger’s stamp', () => {
    expect(partsOf(dir)).toEqual(['0', '1', '2', '3']);
    const list = JSON.parse(readFileSync(join(dir, 'output', 'site', 'pagefind', 'cablekit-search.json'), 'utf8'));
    expect(list).toEqual({ bundles: ['shards/0/', 'shards/1/', 'shards/2/', 'shards/3/'] });
    expect(existsSync(join(dir, 'output', 'site', 'pagefind', 'shards', '0', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'output', 'site', 'pagefind', 'shards', '1', 'pagefind.js'))).toBe(false);
    const state = kept(dir);
    expect(state.shardCount).toBe(4);
    expect(Object.keys(state.shards).sort()).toEqual(['0', '1', '2', '3']);
    expect(state.ledgerStamp).toMatch(/^\d+:\d+:\d+$/);
  });

  it('is left as it is when nothing changed', () => {
    const before = snapshotTree(join(dir, 'output', 'site', 'pagefind'));
    expect(build(dir)).toBeUndefined();
    expect(snapshotTree(join(dir, 'output', 'site', 'pagefind'))).toEqual(before);
  });

  it('makes again only the part of a changed page, and ends as a clean build', () => {
    const partFolder = (name: string): string => join(dir, 'output', 'site', 'pagefind', 'shards', name);
    const before = new Map(partsOf(dir).map((name) => [name, snapshotTree(partFolder(name))]));
    editSource(dir, 'record-export/000000.txt', 'A sentence added by an editor.');
    const made = build(dir);
    expect(made?.made).toBe(1);
    expect(made?.parts).toBe(4);
    const changed = partsOf(dir).filter((name) => JSON.stringify([...snapshotTree(partFolder(name))]) !== JSON.stringify([...before.get(name)!]));
    expect(changed).toHaveLength(1);
    expect(bundle(dir)).toEqual(cleanBundle(dir));
  });

  it('makes again a part whose folder was removed, and only it', () => {
    rmSync(join(dir, 'output', 'site', 'pagefind', 'shards', '2'), { recursive: true, force: true });
    expect(build(dir)?.made).toBe(1);
    expect(partsOf(dir)).toContain('2');
    expect(bundle(dir)).toEqual(cleanBundle(dir));
  });

  it('makes every part again in another layout and removes the parts it no longer has', () => {
    setConfig(dir, { searchPagesPerShard: 6 });
    expect(build(dir)).toEqual({ pages: PAGES, made: 2, parts: 2 });
    expect(partsOf(dir)).toEqual(['0', '1']);
    expect(bundle(dir)).toEqual(cleanBundle(dir));
    setConfig(dir, CONFIG);
    expect(build(dir)).toEqual({ pages: PAGES, made: 4, parts: 4 });
  });

  it('makes the part of a removed document again', () => {
    // A document is gone when its source and its TEI are (the TEI alone would publish it still).
    rmSync(join(dir, 'sources', 'old-site', '000003.txt'));
    const tei = readdirSync(join(dir, 'tei')).filter((name) => readFileSync(join(dir, 'tei', name), 'utf8').includes('>old-site/000003.txt<'));
    expect(tei).toHaveLength(1);
    rmSync(join(dir, 'tei', tei[0]!));
    expect(build(dir)?.made).toBe(1);
    expect(bundle(dir)).toEqual(cleanBundle(dir));
  });

  it('makes every part again when its record is damaged', () => {
    writeFileSync(join(dir, '.cablekit', 'search-index.json'), '{"pagesPerShard":');
    expect(build(dir)?.made).toBe(4);
    expect(kept(dir).shardCount).toBe(4);
  });

  it('trusts a kept digest only beside the stamp of the ledger it was read from', () => {
    const state = kept(dir);
    const wrong = { ...state, shards: { ...state.shards, '1': '0'.repeat(64) } };
    writeFileSync(join(dir, '.cablekit', 'search-index.json'), JSON.stringify(wrong));
    // The same ledger stamp vouches for the kept digests: nothing to do (the record is the build's own bookkeeping).
    expect(build(dir)).toBeUndefined();
    writeFileSync(join(dir, '.cablekit', 'search-index.json'), JSON.stringify({ ...wrong, ledgerStamp: '0:0:0' }));
    // Another stamp: the ledger is read, one part's pages differ from its kept digest, that part is made.
    expect(build(dir)?.made).toBe(1);
  });

  it('replaces an index of an earlier version (one bundle in pagefind/) with its parts', () => {
    const old = edition({});
    const pagefind = join(old, 'output', 'site', 'pagefind');
    mkdirSync(join(pagefind, 'fragment'), { recursive: true });
    writeFileSync(join(pagefind, 'fragment', 'en_0123456.pf_fragment'), 'old');
    writeFileSync(join(pagefind, 'pagefind-entry.json'), '{}');
    expect(build(old)).toEqual({ pages: PAGES, made: 1, parts: 1 });
    expect(existsSync(join(pagefind, 'fragment'))).toBe(false);
    expect(existsSync(join(pagefind, 'pagefind-entry.json'))).toBe(false);
    expect(bundle(old)).toEqual(cleanBundle(old));
  });
});
