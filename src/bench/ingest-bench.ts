import { ingestBytes } from '../ingest/index.js';
import type { Cable } from '../model/cable.js';
import type { BenchResult } from './bench-result.js';
import { generateSyntheticPages, type SyntheticPage } from './generate-pages.js';

export const BENCH_SEED = 20_251_122;

export interface IngestBenchOutcome {
  result: BenchResult;
  /** The cables read, for the benches that follow (TEI, IIIF, OAI). */
  cables: Cable[];
}

/** Peak resident memory of this process so far, in MiB (maxRSS is reported in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Ingests `pages` on this one thread (so the figure is per core) after a short warm-up, and
 * reports pages per second, peak memory, failures and how many pages were given the layout
 * they were generated in. The timed pass uses each cable and lets it go, as `cablekit build`
 * does (it writes a page's TEI, then moves on): keeping 10,000 models alive would time the
 * garbage collector moving them to the old generation, which no cablekit command does. The
 * cables the later benches need come from a second, untimed pass.
 */
export function benchIngestPages(pages: readonly SyntheticPage[]): IngestBenchOutcome {
  const encoder = new TextEncoder();
  const inputs = pages.map((p) => ({ path: p.path, bytes: encoder.encode(p.text), layout: p.path.split('/')[0] }));
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

  const cables: Cable[] = [];
  for (const input of inputs) {
    const { cable } = ingestBytes(input.bytes, input.path);
    if (cable) cables.push(cable);
  }
  return {
    cables,
    result: {
      name: 'ingest',
      lines: [
        `ingest: ${inputs.length} synthetic pages (${(bytes / 1e6).toFixed(1)} MB, 4 layouts) in ${seconds.toFixed(2)} s on one core`,
        `ingest: ${Math.round(pagesPerSecond)} pages/s wall, ${Math.round(pagesPerCpuSecond)} pages/CPU-s (target ≥ 2000), ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${peak.toFixed(0)} MiB`,
        `ingest: ${failures} pages without a cable, ${layoutMatches}/${inputs.length} recognised in their generated layout`,
      ],
      metrics: { pages: inputs.length, seconds, cpuSeconds, pagesPerSecond, pagesPerCpuSecond, megabytesPerSecond: bytes / 1e6 / seconds, peakRssMiB: peak, failures, layoutMatches },
    },
  };
}

/** `count` synthetic pages, generated then ingested: the ingest benchmark. */
export async function runIngestBench(count: number): Promise<BenchResult> {
  return benchIngestPages(generateSyntheticPages(count, BENCH_SEED)).result;
}
