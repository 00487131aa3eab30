import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../../runtime/worker-pool.js';
import type { PackageJobContext, PackageJobKind, PackageJobMessage, PackageJobs } from './package-jobs.js';
import type { PackageWorkerReply } from './package-worker.js';

/** Starting a worker costs ~0.3 s of CPU (its modules): by default, only for editions this large. */
const MIN_FILES_FOR_WORKERS = 64;

export interface PackageRunner {
  /** Worker threads started (0: the run's own thread does everything). */
  readonly workers: number;
  /** Reads a batch in the least busy thread; the batch stays there, to be written by `write`. */
  prepare(input: PackageJobs['prepare'][0]): Promise<{ thread: number; prepared: PackageJobs['prepare'][1] }>;
  write(thread: number, input: PackageJobs['write'][0]): Promise<PackageJobs['write'][1]>;
  close(): Promise<void>;
}

type RunJob = <K extends PackageJobKind>(kind: K, input: PackageJobs[K][0]) => Promise<PackageJobs[K][1]>;

/**
 * Runs packaging jobs in worker threads — the build's pool, one of one worker per thread, since a
 * batch is written where it was read — `jobs` of them when given, else one per core once the
 * edition has enough TEI files to be worth starting them; otherwise in this thread, one job at a
 * time, as a worker does them. The worker script exists only in the compiled package (run from the
 * TypeScript sources, everything stays in this thread). What a job gives back does not depend on
 * the thread. The jobs' modules (the TEI reader among them) are loaded here only when this thread
 * runs them.
 */
export async function packageRunner(ctx: PackageJobContext, files: number, jobs: number | undefined): Promise<PackageRunner> {
  const script = new URL('./package-worker.js', import.meta.url);
  const size = Math.min(jobs ?? availableParallelism(), files);
  const wanted = size >= 2 && (jobs !== undefined || files >= MIN_FILES_FOR_WORKERS) && existsSync(fileURLToPath(script));
  const threads: RunJob[] = [];
  const close: (() => Promise<void>)[] = [];
  if (wanted) {
    for (let i = 0; i < size; i += 1) {
      const pool = new WorkerPool<PackageJobMessage, PackageWorkerReply>(script, 1, ctx);
      threads.push(async (kind, input) => {
        const reply = await pool.run({ kind, input });
        if ('failed' in reply) throw new Error(reply.failed);
        return reply.result as PackageJobs[typeof kind][1];
      });
      close.push(() => pool.close());
    }
  } else {
    const run = (await import('./package-jobs.js')).packageJobs(ctx);
    let tail: Promise<unknown> = Promise.resolve();
    threads.push((kind, input) => {
      const done = tail.then(() => run({ kind, input }));
      tail = done.catch(() => undefined);
      return done;
    });
  }
  const pending = threads.map(() => 0);
  const counted = async <K extends PackageJobKind>(thread: number, kind: K, input: PackageJobs[K][0]): Promise<PackageJobs[K][1]> => {
    pending[thread] = (pending[thread] ?? 0) + 1;
    try {
      return await (threads[thread] as RunJob)(kind, input);
    } finally {
      pending[thread] = (pending[thread] ?? 0) - 1;
    }
  };
  return {
    workers: wanted ? size : 0,
    async prepare(input) {
      const thread = pending.indexOf(Math.min(...pending));
      return { thread, prepared: await counted(thread, 'prepare', input) };
    },
    write: (thread, input) => counted(thread, 'write', input),
    close: async () => {
      await Promise.all(close.map((c) => c()));
    },
  };
}
