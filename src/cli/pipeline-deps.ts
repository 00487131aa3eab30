import { derivedStages, type BuildDeps } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ingestBytes, MAX_PAGE_BYTES } from '../ingest/index.js';
import { decodeTei, encodeTei, validateTei } from '../tei/index.js';
import { validateIiif } from '../iiif/index.js';
import { validateDc, type DcKind } from '../dc/index.js';
import { defaultOaiStorePath, syncOaiStore } from '../oai/index.js';

/** The real format modules, wired into the build. */
export function pipelineDeps(): BuildDeps {
  return {
    ingest: ingestBytes,
    maxPageBytes: MAX_PAGE_BYTES,
    encodeTei,
    decodeTei,
    stages: derivedStages,
    syncOaiStore: (cables, config, rootDir) => syncOaiStore(cables, config, defaultOaiStorePath(rootDir, config)),
  };
}

export interface ValidatorDeps {
  validateTei(xml: string, file?: string): Diagnostic[];
  validateIiif(json: unknown, file?: string): Diagnostic[];
  validateDc(xml: string, kind: DcKind, file?: string): Diagnostic[];
}

export function validatorDeps(): ValidatorDeps {
  return { validateTei: (xml, file) => validateTei(xml, file), validateIiif, validateDc };
}
