import { derivedStages, type BuildDeps } from '../build/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ingestBytes, MAX_PAGE_BYTES } from '../ingest/index.js';
import { encodeTei } from '../tei/index.js';
import { validateIiif } from '../iiif/index.js';
import { defaultOaiStorePath, syncOaiStore } from '../oai/index.js';

// TODO(wiring): the TEI decoder and validator are still being written; until they exist they are
// loaded by name at run time (a missing one gives a clear message). Switch to static imports then.
async function loadExport<T>(specifier: string, name: string): Promise<T> {
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`this build of cablekit lacks ${specifier.replace(/^\.\.\//, 'src/')} (${(error as Error).message})`);
  }
  if (module[name] === undefined) throw new Error(`this build of cablekit lacks ${name} in ${specifier}`);
  return module[name] as T;
}

/** The real format modules, wired into the build. */
export async function pipelineDeps(): Promise<BuildDeps> {
  return {
    ingest: ingestBytes,
    maxPageBytes: MAX_PAGE_BYTES,
    encodeTei,
    decodeTei: await loadExport<BuildDeps['decodeTei']>('../tei/index.js', 'decodeTei'),
    stages: derivedStages,
    syncOaiStore: (cables, config, rootDir) => syncOaiStore(cables, config, defaultOaiStorePath(rootDir, config)),
  };
}

export interface ValidatorDeps {
  validateTei(xml: string, file?: string): Diagnostic[];
  validateIiif(json: unknown, file?: string): Diagnostic[];
}

/** Validators; one that is missing from this build reports that on each file instead of stopping the run. */
export async function validatorDeps(): Promise<ValidatorDeps> {
  let validateTei: ValidatorDeps['validateTei'];
  try {
    validateTei = await loadExport<ValidatorDeps['validateTei']>('../tei/index.js', 'validateTei');
  } catch (error) {
    const message = (error as Error).message;
    validateTei = (_xml, file) => [{ code: 'cli/validator-missing', severity: 'error', message, ...(file !== undefined ? { file } : {}) }];
  }
  return { validateTei, validateIiif };
}
