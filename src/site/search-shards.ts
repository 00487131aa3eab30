import { createHash } from 'node:crypto';

/**
 * The search index in parts ("shards"). Pagefind has no incremental mode: it indexes every page it
 * is given again, about 5 CPU-ms a page, so one index of 10,000 pages cost a minute for any change.
 * The pages are split into parts by a hash of their file name, each part its own Pagefind bundle,
 * and the search page merges the parts (Pagefind's `mergeIndex`); a build indexes again only the
 * parts whose pages changed. Pure: the plan; search-index.ts runs Pagefind.
 */

/** Pages per part the edition aims at when no setting says otherwise. */
export const DEFAULT_SEARCH_PAGES_PER_SHARD = 500;

/** Where the parts are published, under the site's `pagefind/` folder. */
export const SHARDS_FOLDER = 'shards';

/** The file in `pagefind/` that lists the parts for the search page (assets/site/search.js reads it). */
export const SHARD_LIST_FILE = 'cablekit-search.json';

/**
 * How many parts for `pages` pages: a power of two, so the count changes (and every part is made
 * again) only when the edition doubles or halves, not with each document added.
 */
export function searchShardCount(pages: number, pagesPerShard: number): number {
  const wanted = Math.ceil(pages / Math.max(1, pagesPerShard));
  let count = 1;
  while (count < wanted) count *= 2;
  return count;
}

/** The part a page belongs to: stable for its name whatever else the edition holds. */
export function shardOf(pageName: string, shardCount: number): number {
  if (shardCount <= 1) return 0;
  return createHash('sha256').update(pageName).digest().readUInt32BE(0) % shardCount;
}

/** A part's folder name: zero-padded so the folders list in their order. */
export function shardName(shard: number, shardCount: number): string {
  return String(shard).padStart(String(Math.max(0, shardCount - 1)).length, '0');
}

/** One part: its pages (file names in `documents/`, sorted) and a digest of what they hold. */
export interface SearchShard {
  name: string;
  pages: string[];
  digest: string;
}

/**
 * The parts of the pages the outputs ledger lists, from each page's file name and content digest.
 * Parts with no page are left out (Pagefind makes no usable bundle of nothing).
 */
export function planSearchShards(pageDigests: ReadonlyMap<string, string>, pagesPerShard: number): { shardCount: number; shards: SearchShard[] } {
  const shardCount = searchShardCount(pageDigests.size, pagesPerShard);
  const groups: [string, string][][] = Array.from({ length: shardCount }, () => []);
  for (const [page, digest] of pageDigests) groups[shardOf(page, shardCount)]!.push([page, digest]);
  const shards: SearchShard[] = [];
  groups.forEach((group, index) => {
    if (group.length === 0) return;
    group.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const hash = createHash('sha256');
    for (const [page, digest] of group) hash.update(`${page}\0${digest}\n`);
    shards.push({ name: shardName(index, shardCount), pages: group.map(([page]) => page), digest: hash.digest('hex') });
  });
  return { shardCount, shards };
}
