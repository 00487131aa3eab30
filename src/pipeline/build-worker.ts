/**
 * Worker thread of the build: runs build jobs (build-jobs.ts) with the same format modules as the
 * build's own thread, rebuilt here from the module that made them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { editionLayout } from '../edition/layout.js';
import type { StageContext } from '../stage/index.js';
import type { BuildDeps } from './build-deps.js';
import { runBuildJob, type JobContext, type JobMessage } from './build-jobs.js';
import type { NameRegister } from '../names/index.js';

export interface BuildWorkerData {
  /** URL of the module whose `export` function returns the build's deps. */
  depsModule: string;
  depsExport: string;
  stageContext: Omit<StageContext, 'layout'>;
  register?: NameRegister;
}

const data = workerData as BuildWorkerData;
const module = (await import(data.depsModule)) as Record<string, () => BuildDeps>;
const makeDeps = module[data.depsExport];
if (typeof makeDeps !== 'function') throw new Error(`${data.depsModule} has no function ${data.depsExport}`);
const deps = makeDeps();
const jobCtx: JobContext = {
  stageCtx: { ...data.stageContext, layout: editionLayout(data.stageContext.config) },
  ...(data.register !== undefined ? { register: data.register } : {}),
};

parentPort?.on('message', (message: JobMessage) => {
  parentPort?.postMessage(runBuildJob(deps, jobCtx, message));
});
