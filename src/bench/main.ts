import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/index.js';
import type { Cable } from '../model/cable.js';
import type { BenchResult } from './bench-result.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED, benchIngestPages, peakRssMiB } from './ingest-bench.js';

/** What every bench after ingest gets: the ingested cables and a scratch folder of its own. */
interface BenchContext {
  cables: readonly Cable[];
  workDir: string;
}

interface BenchEntry {
  name: string;
  /** Module (relative to this file); a module not in this build is skipped with a note. */
  module: string;
  exportName: string;
  /** Calls the bench's exported function with what it needs from the context. */
  call: (bench: (...args: never[]) => Promise<BenchResult>, ctx: BenchContext) => Promise<BenchResult>;
}

type CablesBench = (cables: readonly Cable[], workDir: string) => Promise<BenchResult>;
type CountBench = (count: number) => Promise<BenchResult>;

/** The benches after ingest, in order. Adding one is one line. */
const BENCHES: BenchEntry[] = [
  { name: 'tei', module: './tei-bench.js', exportName: 'runTeiBench', call: (b, ctx) => (b as CablesBench)(ctx.cables, ctx.workDir) },
  { name: 'iiif', module: './iiif-bench.js', exportName: 'runIiifBench', call: (b, ctx) => (b as CablesBench)(ctx.cables, ctx.workDir) },
  { name: 'oai', module: './oai-bench.js', exportName: 'runOaiBench', call: (b, ctx) => (b as CountBench)(ctx.cables.length) },
];

async function main(): Promise<void> {
  const count = Number(process.env['CABLEKIT_BENCH_PAGES'] ?? 10_000);
  const results: BenchResult[] = [];
  const print = (result: BenchResult): void => {
    for (const line of result.lines) console.log(line);
    results.push(result);
  };

  console.log(`cablekit bench: generating ${count} synthetic pages (seed ${BENCH_SEED}) …`);
  const ingest = benchIngestPages(generateSyntheticPages(count, BENCH_SEED));
  print(ingest.result);

  const scratch = mkdtempSync(join(tmpdir(), 'cablekit-bench-'));
  try {
    for (const bench of BENCHES) {
      let exported: unknown;
      try {
        exported = await import(bench.module);
      } catch {
        console.log(`${bench.name}: skipped (${bench.module} is not in this build)`);
        continue;
      }
      const workDir = join(scratch, bench.name);
      mkdirSync(workDir, { recursive: true });
      try {
        const fn = (exported as Record<string, unknown>)[bench.exportName];
        if (typeof fn !== 'function') throw new Error(`${bench.module} does not export ${bench.exportName}`);
        print(await bench.call(fn as (...args: never[]) => Promise<BenchResult>, { cables: ingest.cables, workDir }));
      } catch (error) {
        console.log(`${bench.name}: failed: ${(error as Error).message}`);
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
