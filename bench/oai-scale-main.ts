import { runOaiScaleBench } from './oai-scale-bench.js';

/**
 * `npm run bench:oai`: only the record-store bench (sizes from the environment; the defaults are
 * the targets: 1,000,000 records, a 5-minute soak, SQLite and PostgreSQL).
 */
const records = Number(process.env['CABLEKIT_BENCH_OAI_SCALE_RECORDS'] ?? 1_000_000);
const soakSeconds = Number(process.env['CABLEKIT_BENCH_OAI_SOAK_SECONDS'] ?? 300);
// Which stores, in order: CABLEKIT_BENCH_OAI_STORES=sqlite,postgres (the default); CABLEKIT_BENCH_OAI_POSTGRES=0 is sqlite alone.
const named = (process.env['CABLEKIT_BENCH_OAI_STORES'] ?? (process.env['CABLEKIT_BENCH_OAI_POSTGRES'] === '0' ? 'sqlite' : 'sqlite,postgres')).split(',');
const stores = (['sqlite', 'postgres'] as const).filter((kind) => named.includes(kind));


// CABLEKIT_BENCH_OAI_DIR=<folder>: keep the SQLite store there and reuse it on the next run of the same size
// (PostgreSQL too when CABLEKIT_BENCH_OAI_PG_URL names a database that outlives the run).
const keepDir = process.env['CABLEKIT_BENCH_OAI_DIR'] || undefined;

runOaiScaleBench(records, soakSeconds, stores, keepDir).then(
  (result) => {
    // The lines were printed as each store finished.
    console.log(JSON.stringify(result.metrics));
  },
  (error: unknown) => {
    console.error(`cablekit bench (oai): ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
