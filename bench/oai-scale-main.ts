import { runOaiScaleBench } from './oai-scale-bench.js';

/**
 * `npm run bench:oai`: only the record-store bench (sizes from the environment; the defaults are
 * the targets: 1,000,000 records, a 5-minute soak, SQLite and PostgreSQL).
 */
const records = Number(process.env['CABLEKIT_BENCH_OAI_SCALE_RECORDS'] ?? 1_000_000);
const soakSeconds = Number(process.env['CABLEKIT_BENCH_OAI_SOAK_SECONDS'] ?? 300);
const withPostgres = process.env['CABLEKIT_BENCH_OAI_POSTGRES'] !== '0';

runOaiScaleBench(records, soakSeconds, withPostgres).then(
  (result) => {
    for (const line of result.lines) console.log(line);
    console.log(JSON.stringify(result.metrics));
  },
  (error: unknown) => {
    console.error(`cablekit bench (oai): ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
