import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from './build-context.js';
import { runBuildJob, type BuildJobs, type JobKind, type JobMessage } from './build-jobs.js';
import type { BuildWorkerData } from './build-worker.js';
import type { StageContext } from '../stage/index.js';
import { WorkerPool } from '../runtime/worker-pool.js';

/** Starting a worker (loading every format module) costs more than a few documents' work. */
const MIN_JOBS_FOR_WORKERS = 32;
/** Jobs in flight per worker: enough to keep each busy while results are taken in order. */
const WINDOW_PER_WORKER = 4;

export interface BuildRunner {
  /** How many jobs may be in flight at once. */
  readonly window: number;
  /** Worker threads started (0: this thread does everything). */
  readonly workers: number;
  /** Before a phase hands out `count` jobs: starts the workers when that is worth it. */
  prepare(count: number): void;
  run<K extends JobKind>(kind: K, input: BuildJobs[K][0]): Promise<BuildJobs[K][1]>;
  close(): Promise<void>;
}

/**
 * Runs build jobs in a pool of worker threads (`jobs`, default one per core) once a phase has
 * enough of them and the deps say where a worker finds them; otherwise in the build's own thread.
 * The worker script exists only in the compiled package (running from TypeScript sources, as the
 * unit tests do, everything stays in this thread). Started once, used by every phase.
 */
export function buildRunner(ctx: BuildContext, stageCtx: StageContext): BuildRunner {
  const { deps, config } = ctx.options;
  const jobs = Math.max(1, Math.floor(ctx.options.jobs ?? availableParallelism()));
  const script = new URL('./build-worker.js', import.meta.url);
  let pool: WorkerPool<JobMessage, unknown> | undefined;
  return {
    get window() {
      return pool ? jobs * WINDOW_PER_WORKER : 1;
    },
    get workers() {
      return pool ? jobs : 0;
    },
    prepare(count) {
      if (pool || jobs < 2 || deps.worker === undefined || count < MIN_JOBS_FOR_WORKERS || !existsSync(fileURLToPath(script))) return;
      const data: BuildWorkerData = {
        depsModule: deps.worker.module,
        depsExport: deps.worker.export,
        stageContext: { config, places: stageCtx.places },
        ...(ctx.register !== undefined ? { register: ctx.register } : {}),
      };
      pool = new WorkerPool<JobMessage, unknown>(script, jobs, data);
    },
    async run(kind, input) {
      const message = { kind, input } as JobMessage;
      if (pool) return (await pool.run(message)) as BuildJobs[typeof kind][1];
      return runBuildJob(deps, { stageCtx, ...(ctx.register !== undefined ? { register: ctx.register } : {}) }, message) as BuildJobs[typeof kind][1];
    },
    async close() {
      await pool?.close();
    },
  };
}
