import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../../pipeline/worker-pool.js';
import type { PackageJobContext, PackageJobKind, PackageJobMessage, PackageJobs } from './package-jobs.js';
import type { PackageWorkerReply } from './package-worker.js';

/** Starting a worker costs ~0.2 s of CPU (its modules): by default, only for editions this large. */
const MIN_FILES_FOR_WORKERS = 64;

export interface PackageRunner {
  /** Worker threads started (0: the run's own thread does everything). */
  readonly workers: number;
  run<K extends PackageJobKind>(kind: K, input: PackageJobs[K][0]): Promise<PackageJobs[K][1]>;
  close(): Promise<void>;
}

/**
 * Runs packaging jobs in a pool of worker threads (the build's pool): `jobs` of them when given,
 * else one per core once the edition has enough TEI files to be worth starting them; otherwise
 * in this thread. The worker script exists only in the compiled package (run from the TypeScript
 * sources, everything stays in this thread). What a job gives back does not depend on the thread.
 * The jobs' modules (the TEI reader among them) are loaded here only when this thread runs them.
 */
export async function packageRunner(ctx: PackageJobContext, files: number, jobs: number | undefined): Promise<PackageRunner> {
  const script = new URL('./package-worker.js', import.meta.url);
  const size = Math.min(jobs ?? availableParallelism(), files);
  const wanted = size >= 2 && (jobs !== undefined || files >= MIN_FILES_FOR_WORKERS) && existsSync(fileURLToPath(script));
  if (!wanted) {
    const run = (await import('./package-jobs.js')).packageJobs(ctx);
    // One job at a time, as a worker does: a job's counts are its writer's before and after.
    let tail: Promise<unknown> = Promise.resolve();
    return {
      workers: 0,
      run(kind, input) {
        const done = tail.then(() => run({ kind, input }));
        tail = done.catch(() => undefined);
        return done;
      },
      close: async () => {},
    };
  }
  const pool = new WorkerPool<PackageJobMessage, PackageWorkerReply>(script, size, ctx);
  return {
    workers: size,
    async run(kind, input) {
      const reply = await pool.run({ kind, input });
      if ('failed' in reply) throw new Error(reply.failed);
      return reply.result as PackageJobs[typeof kind][1];
    },
    close: () => pool.close(),
  };
}
