import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bookkeepingFiles } from '../../edition/index.js';
import { fileStamp, readFileIfExists, toPortableRelative, writeFileAtomic } from '../../fs/index.js';
import { readOutputLedger } from '../../pipeline/index.js';
import { buildSearchIndex, type SearchIndexResult } from '../../site/index.js';
import { shardListText } from '../../site/search-index.js';
import { planSearchShards, SHARDS_FOLDER, SHARD_LIST_FILE, type SearchShard } from '../../site/search-shards.js';

/**
 * The build's search-index step: which parts of the index (src/site/search-shards.ts) must be made
 * again, from the outputs ledger's digests of the document pages, and what was kept of the last
 * run in `.cablekit/search-index.json`:
 * - `pagesPerShard` and `shardCount`: the parts' layout (another layout makes every part again);
 * - `shards`: each part's digest of its pages, written as each part is published, so a run killed
 *   half-way makes only the rest next time;
 * - `ledgerStamp`: the ledger the digests were read from. The ledger (20 MB at 10,000 documents) is
 *   read only when it was written since: a ledger with the same stamp (size, time, inode: it is
 *   replaced by a rename) lists the same pages.
 */
interface KeptSearchState {
  pagesPerShard: number;
  shardCount: number;
  shards: Record<string, string>;
  ledgerStamp?: string;
}

function readKept(path: string): KeptSearchState | undefined {
  try {
    const data = JSON.parse(readFileIfExists(path)?.toString('utf8') ?? 'null') as Partial<KeptSearchState> | null;
    if (data === null || typeof data.pagesPerShard !== 'number' || typeof data.shardCount !== 'number' || typeof data.shards !== 'object' || data.shards === null) return undefined;
    return { pagesPerShard: data.pagesPerShard, shardCount: data.shardCount, shards: data.shards, ...(typeof data.ledgerStamp === 'string' ? { ledgerStamp: data.ledgerStamp } : {}) };
  } catch {
    // Damaged: every part is made again.
    return undefined;
  }
}

function keep(path: string, state: KeptSearchState): void {
  writeFileAtomic(path, `${JSON.stringify(state)}\n`);
}

/** Each document page's digest, by file name in `documents/`, from the outputs ledger (as the build handed it over, or read). */
function pageDigests(outputDir: string, siteFolder: string, ledger: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const prefix = `${toPortableRelative(outputDir, join(siteFolder, 'documents'))}/`;
  const pages = new Map<string, string>();
  for (const [path, digest] of ledger ?? readOutputLedger(bookkeepingFiles(outputDir).outputLedger)) {
    if (!path.startsWith(prefix)) continue;
    const name = path.slice(prefix.length);
    if (name.endsWith('.html') && !name.includes('/')) pages.set(name, digest);
  }
  return pages;
}

/** Whether a part's bundle is in place (the first part also holds the search's runtime). */
function shardThere(siteFolder: string, name: string, primary: boolean): boolean {
  const folder = join(siteFolder, 'pagefind', SHARDS_FOLDER, name);
  return existsSync(join(folder, 'pagefind-entry.json')) && (!primary || existsSync(join(folder, 'pagefind.js')));
}

function listThere(siteFolder: string, shards: readonly SearchShard[]): boolean {
  try {
    return readFileSync(join(siteFolder, 'pagefind', SHARD_LIST_FILE), 'utf8') === shardListText(shards);
  } catch {
    return false;
  }
}

/**
 * Makes again the parts of the search index whose pages changed (or that are missing); undefined
 * when none had to be. `writesFailed`: a page whose write failed is not on disk as the ledger says,
 * so nothing is kept and the next run makes every part again.
 */
export async function updateSearchIndex(
  outputDir: string,
  siteFolder: string,
  options: { pagesPerShard: number; writesFailed: boolean; jobs?: number; ledger?: ReadonlyMap<string, string> },
): Promise<SearchIndexResult | undefined> {
  const { pagesPerShard, writesFailed } = options;
  const statePath = bookkeepingFiles(outputDir).searchIndexState;
  const kept = readKept(statePath);
  const ledgerStamp = fileStamp(bookkeepingFiles(outputDir).outputLedger);
  const sameLayout = kept !== undefined && kept.pagesPerShard === pagesPerShard;
  if (sameLayout && ledgerStamp !== undefined && kept.ledgerStamp === ledgerStamp) {
    // The same ledger: the kept parts stand, if their folders are still there.
    const names = Object.keys(kept.shards).sort();
    if (names.every((name, i) => shardThere(siteFolder, name, i === 0)) && existsSync(join(siteFolder, 'pagefind', SHARD_LIST_FILE))) return undefined;
  }
  const { shardCount, shards } = planSearchShards(pageDigests(outputDir, siteFolder, options.ledger), pagesPerShard);
  const stands = (s: SearchShard, i: number): boolean => sameLayout && kept.shardCount === shardCount && kept.shards[s.name] === s.digest && shardThere(siteFolder, s.name, i === 0);
  const make = new Set(shards.filter((s, i) => !stands(s, i)).map((s) => s.name));
  const state: KeptSearchState = { pagesPerShard, shardCount, shards: {} };
  for (const s of shards) if (!make.has(s.name)) state.shards[s.name] = s.digest;
  if (make.size === 0 && listThere(siteFolder, shards) && !strayShards(siteFolder, shards)) {
    // The same pages in a ledger written again (other outputs changed): its stamp kept, so the next run need not read it.
    if (kept?.ledgerStamp !== ledgerStamp && !writesFailed) keep(statePath, { ...state, ...(ledgerStamp !== undefined ? { ledgerStamp } : {}) });
    return undefined;
  }
  // Forgotten first: an indexer that dies half-way (a full disk) leaves the next run to make them.
  keep(statePath, state);
  // The record of earlier versions (one digest for one bundle) is replaced by this one.
  rmSync(join(bookkeepingFiles(outputDir).dir, 'search-index.sha256'), { force: true });
  const search = await buildSearchIndex(
    siteFolder,
    {
      shards,
      make,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      onShardMade: (s) => {
        if (writesFailed) return;
        state.shards[s.name] = s.digest;
        keep(statePath, state);
      },
    },
    bookkeepingFiles(outputDir).dir,
  );
  if (writesFailed) keep(statePath, { pagesPerShard, shardCount, shards: {} });
  else if (search.diagnostics.length === 0) keep(statePath, { ...state, ...(ledgerStamp !== undefined ? { ledgerStamp } : {}) });
  return search;
}

/** Whether the shards folder holds a part the plan does not (left by another layout). */
function strayShards(siteFolder: string, shards: readonly SearchShard[]): boolean {
  const names = new Set(shards.map((s) => s.name));
  return readdirNames(join(siteFolder, 'pagefind', SHARDS_FOLDER)).some((name) => !names.has(name));
}

/** A folder's entries; none when it is not there. */
function readdirNames(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
