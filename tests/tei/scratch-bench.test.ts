import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { generateSyntheticPages } from '../../src/bench/generate-pages.js';
import { BENCH_SEED, benchIngestPages } from '../../src/bench/ingest-bench.js';
import { runTeiBench } from '../../src/bench/tei-bench.js';
it('bench', async () => {
  const n = Number(process.env.N ?? 1000);
  const ingest = benchIngestPages(generateSyntheticPages(n, BENCH_SEED));
  const r = await runTeiBench(ingest.cables, mkdtempSync('/tmp/teibench-'));
  console.log(r.lines.join('\n'));
}, 600000);
