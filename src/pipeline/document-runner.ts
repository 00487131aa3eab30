import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from './build-context.js';
import type { Deriver } from './derive-phase.js';
import { runDocumentJob, type DocumentJob, type DocumentJobResult } from './document-job.js';
import type { DocumentWorkerData } from './document-worker.js';
import { WorkerPool } from './worker-pool.js';

/** Starting a worker (loading every format module) costs more than a few documents' work. */
const MIN_DOCUMENTS_FOR_WORKERS = 32;
/** Documents in flight per worker: enough to keep each busy while results are written in order. */
const WINDOW_PER_WORKER = 4;

export interface DocumentRunner {
  /** How many documents may be in flight at once. */
  readonly window: number;
  /** Worker threads (0: this thread). */
  readonly workers: number;
  run(job: DocumentJob): Promise<DocumentJobResult>;
  close(): Promise<void>;
}

/**
 * Runs document jobs in a pool of worker threads (`jobs`, default one per core) when the deps
 * say where a worker finds them and there is enough work; otherwise in the build's own thread.
 * The worker script exists only in the compiled package (running from TypeScript sources, as the
 * unit tests do, everything stays in this thread).
 */
export function documentRunner(ctx: BuildContext, deriver: Deriver, expected: number): DocumentRunner {
  const { deps, config } = ctx.options;
  const jobs = Math.max(1, Math.floor(ctx.options.jobs ?? availableParallelism()));
  const script = new URL('./document-worker.js', import.meta.url);
  if (jobs > 1 && deps.worker !== undefined && expected >= MIN_DOCUMENTS_FOR_WORKERS && existsSync(fileURLToPath(script))) {
    const data: DocumentWorkerData = {
      depsModule: deps.worker.module,
      depsExport: deps.worker.export,
      stageContext: { config, places: deriver.stageCtx.places },
    };
    const pool = new WorkerPool<DocumentJob, DocumentJobResult>(script, jobs, data);
    return { window: jobs * WINDOW_PER_WORKER, workers: jobs, run: (job) => pool.run(job), close: () => pool.close() };
  }
  return {
    window: 1,
    workers: 0,
    run: async (job) => runDocumentJob(deps, deriver.stageCtx, job),
    close: async () => {},
  };
}
