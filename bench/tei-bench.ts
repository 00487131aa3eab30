import { repoRoot } from './repo-root.js';
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../src/config/config.js';
import type { Cable } from '../src/model/cable.js';
import { encodeTei, validateTei } from '../src/tei/index.js';
import type { BenchResult } from './bench-result.js';
import { encodeAndValidate, type TeiBenchShare } from './tei-bench-share.js';

/** The official tei_all schema, vendored in schemas/official, used as the reference. */
const TEI_ALL = fileURLToPath(new URL('schemas/official/tei_all.rng', repoRoot()));
const BENCH_WHEN = '2026-01-01T00:00:00Z';

function onPath(program: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface JingRun {
  ms: number;
  invalidFiles: number;
}

/** One JVM for all files, as a project would run it in CI; its output lines are "file:line:col: error". */
function runJing(jing: string, files: string[]): Promise<JingRun> {
  const start = performance.now();
  return new Promise((resolvePromise) => {
    execFile(jing, [TEI_ALL, ...files], { maxBuffer: 256 * 1024 * 1024 }, (_error, stdout, stderr) => {
      const ms = performance.now() - start;
      const invalid = new Set<string>();
      for (const line of `${stdout}\n${stderr}`.split('\n')) {
        const m = /^(.+?\.xml):\d+:\d+: (error|fatal)/.exec(line);
        if (m) invalid.add(m[1]!);
      }
      resolvePromise({ ms, invalidFiles: invalid.size });
    });
  });
}

/** The worker exists in the built package (dist/); run from sources, the bench stays in-process. */
const WORKER = new URL('./tei-bench-worker.js', import.meta.url);
const MIN_CABLES_PER_WORKER = 500;

interface ShareWorker {
  worker: Worker;
  /** Resolves with the next message of the worker. */
  next<T>(): Promise<T>;
}

function startWorker(cables: readonly Cable[]): ShareWorker {
  // Cables go as JSON: structured-cloned object graphs are slower to clone and, measured, about
  // 1.6x slower to work on than the objects JSON.parse builds.
  // No resource limits of its own: a worker runs with V8's defaults, as the cablekit command does.
  const worker = new Worker(WORKER, { workerData: { cablesJson: JSON.stringify(cables), when: BENCH_WHEN } });
  return {
    worker,
    next: <T>() =>
      new Promise<T>((resolvePromise, reject) => {
        worker.once('message', resolvePromise);
        worker.once('error', reject);
      }),
  };
}

interface TimedRun extends TeiBenchShare {
  ms: number;
  threads: number;
}

/**
 * Cables split over one worker per core (encoding and validating are independent per cable). The
 * clock runs from "go" (every worker holds its cables) to the last "done": loading cablekit,
 * encoding and validating are timed; moving cables in and documents out is not.
 */
async function encodeAndValidateAll(cables: readonly Cable[]): Promise<TimedRun> {
  const threads = Math.min(availableParallelism(), 4, Math.floor(cables.length / MIN_CABLES_PER_WORKER));
  if (threads < 2 || !existsSync(fileURLToPath(WORKER))) {
    const start = performance.now();
    const share = encodeAndValidate(cables, (c) => encodeTei(c, DEFAULT_CONFIG, { when: BENCH_WHEN }), validateTei);
    return { ...share, ms: performance.now() - start, threads: 1 };
  }
  const size = Math.ceil(cables.length / threads);
  const workers = Array.from({ length: threads }, (_, i) => startWorker(cables.slice(i * size, (i + 1) * size)));
  try {
    await Promise.all(workers.map((w) => w.next<string>()));
    const start = performance.now();
    const done = workers.map((w) => w.next<TeiBenchShare>());
    for (const w of workers) w.worker.postMessage('go');
    const shares = await Promise.all(done);
    const ms = performance.now() - start;
    const documents: string[] = [];
    for (const w of workers) {
      const reply = w.next<string[]>();
      w.worker.postMessage('send');
      documents.push(...(await reply));
    }
    return {
      documents,
      errors: shares.reduce((n, s) => n + s.errors, 0),
      warnings: shares.reduce((n, s) => n + s.warnings, 0),
      ms,
      threads,
    };
  } finally {
    for (const w of workers) void w.worker.terminate();
  }
}

/**
 * Each side runs this many times, cablekit and jing alternating, and the best time of each is
 * compared: on a shared machine a burst of other work can slow any single run, and alternating
 * lets such a burst hit both sides alike. Every round starts fresh workers, cold as jing's JVM;
 * only a small run, done in this process, is warm after its first round.
 */
const ROUNDS = Math.max(1, Number(process.env['CABLEKIT_BENCH_TEI_ROUNDS'] ?? 2));

function seconds(runs: readonly { ms: number }[]): string {
  return runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ');
}

function best<T extends { ms: number }>(runs: readonly T[]): T {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

/**
 * Encodes and validates (project schema and rules) every cable, writes the TEI to `workDir`, then
 * — when jing is installed — validates the same files against tei_all in one JVM run; both
 * `ROUNDS` times, alternating. Target: cablekit's encode + validate takes less time than jing's
 * validation alone. Like jing (whose JVM runs its collector and compiler on other cores), the work
 * uses the machine's cores: one worker thread per core for large runs of the built package.
 */
export async function runTeiBench(cables: readonly Cable[], workDir: string): Promise<BenchResult> {
  const dir = join(workDir, 'tei');
  mkdirSync(dir, { recursive: true });
  const jing = onPath('jing');
  const jingSkipped =
    jing === undefined ? 'jing is not on PATH' : !existsSync(TEI_ALL) ? `${TEI_ALL} not found` : cables.length === 0 ? 'no cables' : undefined;

  const ours: TimedRun[] = [];
  const references: JingRun[] = [];
  let files: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = await encodeAndValidateAll(cables);
    if (round === 0) {
      // Ids may repeat across generated cables: the index keeps every file.
      files = run.documents.map((xml, i) => {
        const file = join(dir, `${String(i).padStart(6, '0')}-${cables[i]!.id}.xml`);
        writeFileSync(file, xml);
        return file;
      });
    }
    ours.push({ ...run, documents: [] });
    if (jing !== undefined && jingSkipped === undefined) references.push(await runJing(jing, files));
  }

  const n = cables.length;
  const { errors, warnings, threads, ms: oursMs } = best(ours);
  const lines = [
    `tei: encode + validate (project schema + rules) of ${n} cables: ${(oursMs / 1000).toFixed(2)} s, best of ${ROUNDS} (${seconds(ours)} s) (${(oursMs / Math.max(n, 1)).toFixed(2)} ms/cable, ${threads} thread${threads > 1 ? 's' : ''}), ${errors} errors, ${warnings} warnings`,
  ];
  if (threads > 1) lines.push('tei: timed from the workers holding their cables to the last one done (moving cables in and documents out is not timed)');
  const metrics: Record<string, number> = { cables: n, rounds: ROUNDS, encodeValidateMs: Math.round(oursMs), threads, errors, warnings };

  if (jingSkipped !== undefined) {
    lines.push(`tei: jing reference skipped (${jingSkipped})`);
  } else {
    const ref = best(references);
    const ratio = oursMs / ref.ms;
    lines.push(
      `tei: jing tei_all over the same ${n} files (one JVM): ${(ref.ms / 1000).toFixed(2)} s, best of ${ROUNDS} (${seconds(references)} s), ${ref.invalidFiles} invalid files`,
      `tei: cablekit / jing time ratio ${ratio.toFixed(2)}, best against best (${ratio < 1 ? 'cablekit faster' : 'jing faster'})`,
    );
    Object.assign(metrics, { jingMs: Math.round(ref.ms), jingInvalidFiles: ref.invalidFiles, ratio: Number(ratio.toFixed(3)) });
  }
  return { name: 'tei', lines, metrics };
}
