import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../src/fs/index.js';
import type { Cable } from '../src/model/cable.js';
import { tuneV8ForBatchWork } from '../src/runtime/v8-tuning.js';
import type { BenchResult } from './bench-result.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED, ingestAll, peakRssMiB, timeIngest, timeIngestOnOneCore } from './ingest-bench.js';
import { runIiifBench } from './iiif-bench.js';
import { runOaiBench } from './oai-bench.js';
import { runPackageBench } from './package-bench.js';
import { runSiteBench } from './site-bench.js';
import { runTeiBench } from './tei-bench.js';
import { runBuildBench, runMemoryBench } from './build-bench.js';

/** What every bench after ingest gets: the ingested cables and a scratch folder of its own. */
interface BenchContext {
  cables: readonly Cable[];
  workDir: string;
}

/** Records in the OAI-PMH store of its bench (issue #5: harvest 100,000 records, 100 a page). */
const OAI_RECORDS = Number(process.env['CABLEKIT_BENCH_OAI_RECORDS'] ?? 100_000);
/** Documents of the generated edition the packaging bench builds and packages (issue #14 asks for 10,000 too). */
const PACKAGE_DOCS = Number(process.env['CABLEKIT_BENCH_PACKAGE_DOCS'] ?? 1000);

/** The benches after ingest, in order. Adding one is one line. */
const BENCHES: { name: string; run: (ctx: BenchContext) => Promise<BenchResult> }[] = [
  { name: 'tei', run: (ctx) => runTeiBench(ctx.cables, ctx.workDir) },
  { name: 'iiif', run: (ctx) => runIiifBench(ctx.cables, ctx.workDir) },
  { name: 'oai', run: () => runOaiBench(OAI_RECORDS) },
  { name: 'package', run: (ctx) => runPackageBench(PACKAGE_DOCS, ctx.workDir) },
  { name: 'site', run: (ctx) => runSiteBench(ctx.cables, ctx.workDir) },
];

async function main(): Promise<void> {
  // The same runtime settings as the cablekit command, so the bench measures what users run.
  tuneV8ForBatchWork();
  const count = Number(process.env['CABLEKIT_BENCH_PAGES'] ?? 10_000);
  const results: BenchResult[] = [];
  const print = (result: BenchResult): void => {
    for (const line of result.lines) console.log(line);
    results.push(result);
  };

  // The command users run, end to end (issue #11): cold, nothing changed, one page changed, vs jing.
  print(runBuildBench(Number(process.env['CABLEKIT_BENCH_BUILD_PAGES'] ?? count)));
  const memoryPages = process.env['CABLEKIT_BENCH_MEMORY_PAGES'];
  if (memoryPages !== undefined) print(runMemoryBench(Number(memoryPages)));
  else console.log('build memory: the cold build of 100,000 pages for peak memory is run with CABLEKIT_BENCH_MEMORY_PAGES=100000');

  console.log(`cablekit bench: generating ${count} synthetic pages (seed ${BENCH_SEED}) …`);
  const pages = generateSyntheticPages(count, BENCH_SEED);
  // Timed twice: in this process (V8's compiler and collector threads may use the other cores),
  // and in a child pinned to one core, which is the measure.
  print(timeIngest(pages, 'on one thread'));
  const oneCore = timeIngestOnOneCore(count);
  if (oneCore) print({ ...oneCore, name: 'ingest-one-core' });
  else console.log('ingest: the run pinned to one core was skipped (it needs taskset and the built package)');
  const cables = ingestAll(pages);

  const scratch = mkdtempSync(join(tmpdir(), 'cablekit-bench-'));
  try {
    for (const bench of BENCHES) {
      const workDir = join(scratch, bench.name);
      mkdirSync(workDir, { recursive: true });
      try {
        print(await bench.run({ cables, workDir }));
      } catch (error) {
        console.log(`${bench.name}: failed: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const out = resolve('bench-results.json');
  const record = { date: new Date().toISOString(), node: process.version, pages: count, peakRssMiB: peakRssMiB(), results };
  writeFileAtomic(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`cablekit bench: results written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(`cablekit bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
