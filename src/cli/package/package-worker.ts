/**
 * Worker thread of `cablekit package`: prepares and writes documents' packages (package-jobs.ts).
 * It loads the package formats and the TEI reader only, not the build's stages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packageJobs, type PackageJobContext, type PackageJobMessage } from './package-jobs.js';

/** A job's answer: its result, or why it failed (the run reports that for its documents and goes on). */
export type PackageWorkerReply = { result: unknown } | { failed: string };

const run = packageJobs(workerData as PackageJobContext);

parentPort?.on('message', (message: PackageJobMessage) => {
  run(message).then(
    (result) => parentPort?.postMessage({ result } satisfies PackageWorkerReply),
    (error: unknown) => parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies PackageWorkerReply),
  );
});
