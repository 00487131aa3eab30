import { tuneV8ForBatchWork } from '../src/runtime/v8-tuning.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED, timeIngest } from './ingest-bench.js';

/**
 * The ingest bench's timed pass as a process of its own, started by the bench under
 * `taskset -c 0`: argument, the number of pages; output, the result as JSON.
 */
tuneV8ForBatchWork();
const count = Number(process.argv[2] ?? 10_000);
process.stdout.write(JSON.stringify(timeIngest(generateSyntheticPages(count, BENCH_SEED), 'pinned to one core (taskset -c 0)')));
