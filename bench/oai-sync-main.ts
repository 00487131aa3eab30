import { join } from 'node:path';
import { DEFAULT_CONFIG, type CablekitConfig } from '../src/config/config.js';
import { changeTen } from './oai-sync-bench.js';

/**
 * One build that changes 10 records of a store kept by `npm run bench:oai` (CABLEKIT_BENCH_OAI_DIR),
 * as a process of its own, so it can be timed whole and repeated:
 *   CABLEKIT_BENCH_OAI_DIR=<folder> [CABLEKIT_BENCH_OAI_SCALE_RECORDS=n] [CABLEKIT_BENCH_OAI_SYNC=full]
 *   [CABLEKIT_BENCH_OAI_PG_URL=postgres://…] node dist-bench/bench/oai-sync-main.js
 * Prints one JSON line: the sync's time, how it compared (plan) and the crosswalk of the 10 records.
 */
const dir = process.env['CABLEKIT_BENCH_OAI_DIR'];
const records = Number(process.env['CABLEKIT_BENCH_OAI_SCALE_RECORDS'] ?? 1_000_000);
const mode = process.env['CABLEKIT_BENCH_OAI_SYNC'] === 'full' ? 'full' : 'incremental';
const pgUrl = process.env['CABLEKIT_BENCH_OAI_PG_URL'];

async function main(): Promise<void> {
  if (dir === undefined) throw new Error('set CABLEKIT_BENCH_OAI_DIR to the folder npm run bench:oai kept');
  const root = join(dir, pgUrl === undefined ? 'sqlite' : 'postgres');
  const config: CablekitConfig = { ...DEFAULT_CONFIG, outputDir: join(root, 'output'), oai: { ...DEFAULT_CONFIG.oai, store: pgUrl ?? 'sqlite' } };
  const t0 = performance.now();
  const result = await changeTen(root, config, records, join(root, 'last-sync.json'), mode);
  console.log(JSON.stringify({ store: pgUrl === undefined ? 'sqlite' : 'postgres', records, mode, ...result, processMs: performance.now() - t0 }));
}

main().catch((error: unknown) => {
  console.error(`cablekit bench (oai sync): ${(error as Error).message}`);
  process.exitCode = 1;
});
