import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { WorkerPool } from '../runtime/worker-pool.js';
import { closePagefind, indexFolder, type PagefindOutcome } from './pagefind-run.js';
import { publishBundle, type BundleFile } from './publish-bundle.js';
import { DEFAULT_SEARCH_PAGES_PER_SHARD, planSearchShards, SHARDS_FOLDER, SHARD_LIST_FILE, type SearchShard } from './search-shards.js';

export interface SearchIndexResult {
  /** Pages indexed by this run (those of the parts made again). */
  pages: number;
  /** Parts made again, and how many the index has (parts with pages). */
  shardsMade: number;
  shardsInIndex: number;
  seconds: number;
  diagnostics: Diagnostic[];
}

/** The search index's parts (search-shards.ts) and which of them to make again. */
export interface SearchIndexPlan {
  shards: readonly SearchShard[];
  /** Names of the parts to index again; the others are left as published. */
  make: ReadonlySet<string>;
  /** Called once a part is published, so a run killed later need not make it again. */
  onShardMade?: (shard: SearchShard) => void;
  /** Parts indexed at once, each by its own Pagefind in a worker thread (default: one per core). */
  jobs?: number;
}

/** The bundle's files a merged part needs: its entry, metadata and chunks. */
const isShardData = (path: string): boolean => path === 'pagefind-entry.json' || path.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(path);
/** What the search runs on, loaded from the first part only (Pagefind's merged parts reuse it). */
const isRuntime = (path: string): boolean => path === 'pagefind.js' || path === 'pagefind-worker.js' || /^wasm\.[^/]+\.pagefind$/.test(path);

/** The list the search page reads: the parts' folders, relative to `pagefind/`, the first one loading the runtime. */
export function shardListText(shards: readonly SearchShard[]): string {
  return `${JSON.stringify({ bundles: shards.map((s) => `${SHARDS_FOLDER}/${s.name}/`) })}\n`;
}

/**
 * Runs Pagefind (its binary ships in the npm package) over the parts of the written site that
 * changed and publishes them under `<site>/pagefind/shards/<part>/`, with Pagefind's interface and
 * the list of parts in `<site>/pagefind/`. Each part is indexed from a folder of hard links to its
 * pages (so Pagefind reads exactly those pages, at the URLs they have in the site), made in memory,
 * and only the files that differ from the published ones are written (publish-bundle.ts): a failed
 * run leaves the previous index in place and an unchanged part is not rewritten. I/O, run by the
 * build after the pages are written.
 */
export async function buildSearchIndex(
  siteFolder: string,
  plan: SearchIndexPlan,
  /** Where the bundle's files are written before each is renamed into place (same file system); default: beside the site folder. */
  stagingParent: string = dirname(siteFolder),
): Promise<SearchIndexResult> {
  const started = performance.now();
  let pages = 0;
  let shardsMade = 0;
  const result = (diagnostics: Diagnostic[]): SearchIndexResult => ({ pages, shardsMade, shardsInIndex: plan.shards.length, seconds: (performance.now() - started) / 1000, diagnostics });
  const fail = (message: string): SearchIndexResult =>
    result([
      {
        code: 'site/search-index-failed',
        severity: 'error',
        message: `the search index of ${siteFolder} could not be built: ${message}`,
        hint: 'the pages are written; run the build again, and check that the pagefind package is installed (npm ci)',
      },
    ]);
  if (!existsSync(siteFolder)) return fail('the site folder does not exist');
  // A run killed while indexing leaves its temporary files: cleared here.
  mkdirSync(stagingParent, { recursive: true });
  for (const name of readdirSync(stagingParent)) if (name.startsWith('.pagefind-')) rmSync(join(stagingParent, name), { recursive: true, force: true });
  const staging = join(stagingParent, `.pagefind-${process.pid}`);
  const bundleRoot = join(siteFolder, 'pagefind');
  const primary = plan.shards[0]?.name;
  const toMake = plan.shards.filter((s) => plan.make.has(s.name));
  const indexer = partIndexer(Math.min(plan.jobs ?? availableParallelism(), toMake.length));
  try {
    // Pagefind's interface files are the same in every bundle it makes: kept from the first.
    let interfaceFiles: BundleFile[] | undefined;
    // Parts are linked and indexed ahead, as many at once as there are indexers, and published in their order.
    const folderOf = (shard: SearchShard): string => join(staging, 'pages', shard.name);
    const running: Promise<PagefindOutcome>[] = [];
    const start = (i: number): void => {
      const shard = toMake[i];
      if (shard !== undefined && running[i] === undefined) running[i] = indexer.index(linkedPages(siteFolder, shard, folderOf(shard)));
    };
    for (let i = 0; i < indexer.width; i++) start(i);
    for (const [i, shard] of toMake.entries()) {
      const made = await running[i]!;
      start(i + indexer.width);
      rmSync(folderOf(shard), { recursive: true, force: true });
      if ('error' in made) return fail(made.error);
      interfaceFiles ??= made.files.filter((f) => !isShardData(f.path) && !isRuntime(f.path));
      const files = made.files.filter((f) => isShardData(f.path) || (shard.name === primary && isRuntime(f.path)));
      publishBundle(files, join(bundleRoot, SHARDS_FOLDER, shard.name), ['pagefind-entry.json'], join(staging, 'publish'));
      pages += made.pages;
      shardsMade++;
      plan.onShardMade?.(shard);
    }
    // Interface files without a part made (the folder was removed, or the edition has no page): from an empty index.
    if (interfaceFiles === undefined) {
      const made = await indexFolder(undefined);
      if ('error' in made) return fail(made.error);
      interfaceFiles = made.files.filter((f) => !isShardData(f.path) && !isRuntime(f.path));
    }
    const list: BundleFile = { path: SHARD_LIST_FILE, content: Buffer.from(shardListText(plan.shards)) };
    // The list last: a search starting meanwhile finds every part it names.
    publishBundle([...interfaceFiles, list], bundleRoot, [SHARD_LIST_FILE], join(staging, 'publish'), (path) => path.startsWith(`${SHARDS_FOLDER}/`));
    removeOtherShards(join(bundleRoot, SHARDS_FOLDER), plan.shards, primary);
    return result([]);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    await indexer.close();
    rmSync(staging, { recursive: true, force: true });
    await closePagefind();
  }
}

interface PartIndexer {
  /** Parts indexed at once. */
  width: number;
  index(folder: string): Promise<PagefindOutcome>;
  close(): Promise<void>;
}

/**
 * Indexes parts in worker threads, `width` at once; in this thread when one is enough or the
 * worker's module is not there (tests run the TypeScript sources).
 */
function partIndexer(width: number): PartIndexer {
  const script = new URL('./search-index-worker.js', import.meta.url);
  if (width < 2 || !existsSync(fileURLToPath(script))) return { width: 1, index: (folder) => indexFolder(folder), close: async () => undefined };
  const pool = new WorkerPool<string, PagefindOutcome>(script, width, undefined);
  return {
    width,
    index: (folder) => pool.run(folder).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
    close: () => pool.close(),
  };
}

/**
 * A plan that indexes every document page of the site in its folder (for the bench and tests,
 * which make a site without a build's outputs ledger).
 */
export function wholeSitePlan(siteFolder: string, pagesPerShard: number = DEFAULT_SEARCH_PAGES_PER_SHARD): SearchIndexPlan {
  const documents = join(siteFolder, 'documents');
  const names = existsSync(documents) ? readdirSync(documents).filter((n) => n.endsWith('.html')) : [];
  const { shards } = planSearchShards(new Map(names.map((n) => [n, ''])), pagesPerShard);
  return { shards, make: new Set(shards.map((s) => s.name)) };
}

/** A folder holding `documents/<page>` for each of the part's pages: hard links (a copy where the file system refuses one). */
function linkedPages(siteFolder: string, shard: SearchShard, folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  const documents = join(folder, 'documents');
  mkdirSync(documents, { recursive: true });
  for (const page of shard.pages) {
    const from = join(siteFolder, 'documents', page);
    try {
      linkSync(from, join(documents, page));
    } catch {
      copyFileSync(from, join(documents, page));
    }
  }
  return folder;
}

/** Parts of an earlier layout (another count, a part left empty) removed, and the runtime only in the first part. */
function removeOtherShards(shardsFolder: string, shards: readonly SearchShard[], primary: string | undefined): void {
  if (!existsSync(shardsFolder)) return;
  const current = new Set(shards.map((s) => s.name));
  for (const name of readdirSync(shardsFolder)) {
    const folder = join(shardsFolder, name);
    if (!current.has(name)) rmSync(folder, { recursive: true, force: true });
    else if (name !== primary) for (const file of readdirSync(folder)) if (isRuntime(file)) rmSync(join(folder, file), { force: true });
  }
}
