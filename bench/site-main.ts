import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneV8ForBatchWork } from '../src/runtime/v8-tuning.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED, ingestAll } from './ingest-bench.js';
import { runSiteBench } from './site-bench.js';

/**
 * `npm run bench:site`: only the reading-edition bench, over generated documents
 * (CABLEKIT_BENCH_SITE_DOCS, default 10,000: the target size). CABLEKIT_BENCH_SITE_JOBS sets
 * the worker threads (default one per core; 1: this thread only), CABLEKIT_BENCH_SITE_SEARCH=0
 * leaves the Pagefind index out.
 */
async function main(): Promise<void> {
  tuneV8ForBatchWork();
  const count = Number(process.env['CABLEKIT_BENCH_SITE_DOCS'] ?? 10_000);
  console.log(`cablekit bench (site): generating and ingesting ${count} synthetic pages (seed ${BENCH_SEED}) …`);
  const cables = ingestAll(generateSyntheticPages(count, BENCH_SEED));
  const workDir = mkdtempSync(join(tmpdir(), 'cablekit-bench-site-'));
  try {
    const result = await runSiteBench(cables, workDir);
    for (const line of result.lines) console.log(line);
    console.log(JSON.stringify(result.metrics));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`cablekit bench (site): ${(error as Error).message}`);
  process.exitCode = 1;
});
