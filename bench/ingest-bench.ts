import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestBytes } from '../src/ingest/index.js';
import type { Cable } from '../src/model/cable.js';
import type { BenchResult } from './bench-result.js';
import type { SyntheticPage } from './generate-pages.js';

export const BENCH_SEED = 20_251_122;

/** Peak resident memory of this process so far, in MiB (maxRSS is reported in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

interface BenchInput {
  path: string;
  bytes: Uint8Array;
  layout: string | undefined;
}

function toInputs(pages: readonly SyntheticPage[]): BenchInput[] {
  const encoder = new TextEncoder();
  return pages.map((p) => ({ path: p.path, bytes: encoder.encode(p.text), layout: p.path.split('/')[0] }));
}

/**
 * Ingests `pages` on this one thread after a short warm-up, and reports pages per second, peak
 * memory, failures and how many pages were given the layout they were generated in. Each cable
 * is used and let go, as `cablekit build` does (it writes a page's TEI, then moves on): keeping
 * 10,000 models alive would time the garbage collector moving them to the old generation, which
 * no cablekit command does. `where` says how the process ran ("on one core", …).
 */
export function timeIngest(pages: readonly SyntheticPage[], where: string): BenchResult {
  const inputs = toInputs(pages);
  for (const input of inputs.slice(0, Math.min(200, inputs.length))) ingestBytes(input.bytes, input.path);

  let failures = 0;
  let layoutMatches = 0;
  let bytes = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (const input of inputs) {
    const { cable } = ingestBytes(input.bytes, input.path);
    bytes += input.bytes.length;
    if (!cable) failures++;
    else if (cable.source.layout === input.layout) layoutMatches++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const pagesPerSecond = inputs.length / seconds;
  const pagesPerCpuSecond = inputs.length / cpuSeconds;
  const peak = peakRssMiB();
  return {
    name: 'ingest',
    lines: [
      `ingest: ${inputs.length} synthetic pages (${(bytes / 1e6).toFixed(1)} MB, 4 layouts) in ${seconds.toFixed(2)} s ${where}`,
      `ingest: ${Math.round(pagesPerSecond)} pages/s wall, ${Math.round(pagesPerCpuSecond)} pages/CPU-s (target ≥ 2000 on one core), ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${peak.toFixed(0)} MiB`,
      `ingest: ${failures} pages without a cable, ${layoutMatches}/${inputs.length} recognised in their generated layout`,
    ],
    metrics: { pages: inputs.length, seconds, cpuSeconds, pagesPerSecond, pagesPerCpuSecond, megabytesPerSecond: bytes / 1e6 / seconds, peakRssMiB: peak, failures, layoutMatches },
  };
}

/** Every cable of `pages`, untimed: what the benches after ingest (TEI, IIIF, OAI) work on. */
export function ingestAll(pages: readonly SyntheticPage[]): Cable[] {
  const cables: Cable[] = [];
  for (const input of toInputs(pages)) {
    const { cable } = ingestBytes(input.bytes, input.path);
    if (cable) cables.push(cable);
  }
  return cables;
}

/** The child process of `timeIngestOnOneCore`, in the built package (dist/). */
const ONE_CORE_CHILD = fileURLToPath(new URL('./ingest-one-core.js', import.meta.url));

/**
 * The timed pass in a child process confined to one core with `taskset -c 0`, so V8's compiler
 * and collector threads share that core too: what "pages per second on one core" means.
 * Undefined where taskset or the built child is missing, or the core cannot be had.
 */
export function timeIngestOnOneCore(count: number): BenchResult | undefined {
  if (!existsSync(ONE_CORE_CHILD)) return undefined;
  const run = spawnSync('taskset', ['-c', '0', process.execPath, ONE_CORE_CHILD, String(count)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error !== undefined || run.status !== 0) return undefined;
  try {
    return JSON.parse(run.stdout) as BenchResult;
  } catch {
    return undefined;
  }
}
