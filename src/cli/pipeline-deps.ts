import { derivedStages, type BuildDeps } from '../build/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

// TODO(wiring): the format modules are being written in parallel; until they all exist they are
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
  const ingest = '../ingest/index.js';
  const tei = '../tei/index.js';
  return {
    ingest: await loadExport<BuildDeps['ingest']>(ingest, 'ingestBytes'),
    maxPageBytes: await loadExport<number>(ingest, 'MAX_PAGE_BYTES'),
    encodeTei: await loadExport<BuildDeps['encodeTei']>(tei, 'encodeTei'),
    decodeTei: await loadExport<BuildDeps['decodeTei']>(tei, 'decodeTei'),
    stages: derivedStages,
  };
}

export interface ValidatorDeps {
  validateTei(xml: string, file?: string): Diagnostic[];
  validateIiif(json: unknown, file?: string): Diagnostic[];
}

/** Validators; one that is missing from this build reports that on each file instead of stopping the run. */
export async function validatorDeps(): Promise<ValidatorDeps> {
  const orMissing = async <F extends (input: never, file?: string) => Diagnostic[]>(specifier: string, name: string): Promise<F> => {
    try {
      return await loadExport<F>(specifier, name);
    } catch (error) {
      const message = (error as Error).message;
      return ((_input: never, file?: string) => [
        { code: 'cli/validator-missing', severity: 'error', message, ...(file !== undefined ? { file } : {}) },
      ]) as unknown as F;
    }
  };
  return {
    validateTei: await orMissing<ValidatorDeps['validateTei']>('../tei/index.js', 'validateTei'),
    validateIiif: await orMissing<ValidatorDeps['validateIiif']>('../iiif/index.js', 'validateIiif'),
  };
}
