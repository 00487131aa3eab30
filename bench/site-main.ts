import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneV8ForBatchWork } from '../src/runtime/v8-tuning.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED, ingestAll } from './ingest-bench.js';
import type { Cable } from '../src/model/cable.js';
import { decodedCables, runSiteBenchOnDecoded } from './site-bench.js';

/**
 * `npm run bench:site`: only the reading-edition bench, over generated documents
 * (CABLEKIT_BENCH_SITE_DOCS, default 10,000: the target size). CABLEKIT_BENCH_SITE_JOBS sets
 * the worker threads (default one per core; 1: this thread only), CABLEKIT_BENCH_SITE_SEARCH=0
 * leaves the Pagefind index out, CABLEKIT_BENCH_SITE_CABLES=<file> keeps the decoded documents in
 * that JSON file (read when it is there, written when not): the untimed preparation of 10,000
 * documents (generating, ingesting, encoding and decoding) takes minutes on a busy machine.
 */
async function main(): Promise<void> {
  tuneV8ForBatchWork();
  const count = Number(process.env['CABLEKIT_BENCH_SITE_DOCS'] ?? 10_000);
  const kept = process.env['CABLEKIT_BENCH_SITE_CABLES'];
  const started = process.hrtime.bigint();
  let decoded: Cable[];
  if (kept !== undefined && existsSync(kept)) {
    console.log(`cablekit bench (site): reading the decoded documents from ${kept} …`);
    decoded = JSON.parse(readFileSync(kept, 'utf8')) as Cable[];
    if (decoded.length !== count) throw new Error(`${kept} holds ${decoded.length} documents, not ${count}`);
  } else {
    console.log(`cablekit bench (site): generating and ingesting ${count} synthetic pages (seed ${BENCH_SEED}) …`);
    decoded = decodedCables(ingestAll(generateSyntheticPages(count, BENCH_SEED)));
    if (kept !== undefined) writeFileSync(kept, JSON.stringify(decoded));
  }
  const prepareMs = Number(process.hrtime.bigint() - started) / 1e6;
  const workDir = mkdtempSync(join(tmpdir(), 'cablekit-bench-site-'));
  try {
    const result = await runSiteBenchOnDecoded(decoded, workDir, prepareMs);
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
