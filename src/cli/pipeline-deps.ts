import { derivedStages, type BuildDeps } from '../pipeline/index.js';
import { revisionTimestamp } from '../pipeline/build-clock.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ingestBytes, MAX_PAGE_BYTES } from '../ingest/index.js';
import { decodeTei, encodeTei, rejectionOfEncoding, validateTei } from '../tei/index.js';
import { validateIiif } from '../iiif/index.js';
import { validateDc, type DcKind } from '../dc/index.js';
import { validateCmif } from '../cmif/index.js';
import { oaiDraftOf, syncOaiStoreDrafts, type LastSync, type SourcedDraft } from '../oai/index.js';
import { publishChangeDiscovery } from '../discovery/index.js';

/** New OAI datestamps follow SOURCE_DATE_EPOCH as TEI revisions do, so a reproducible build reproduces its store too. */
function storeClock(): Date {
  return new Date(revisionTimestamp());
}

/** The real format modules, wired into the build. */
export function pipelineDeps(): BuildDeps {
  return {
    ingest: ingestBytes,
    maxPageBytes: MAX_PAGE_BYTES,
    encodeTei,
    rejectEncodedTei: rejectionOfEncoding,
    decodeTei,
    stages: derivedStages,
    validateTei: (xml, file) => validateTei(xml, file),
    oaiRecordOf: oaiDraftOf,
    // The drafts handed back are the ones oaiRecordOf made (kept by the build as plain JSON).
    syncOaiStore: (records, config, rootDir, kept, last) =>
      syncOaiStoreDrafts(records as readonly SourcedDraft[], config, rootDir, storeClock(), kept, last as LastSync | undefined),
    publishChanges: (config, rootDir) => publishChangeDiscovery(config, rootDir),
    // Worker threads of the build load this module and call this function for the same deps.
    worker: { module: import.meta.url, export: 'pipelineDeps' },
  };
}

export interface ValidatorDeps {
  validateTei(xml: string, file?: string): Diagnostic[];
  validateIiif(json: unknown, file?: string): Diagnostic[];
  validateDc(xml: string, kind: DcKind, file?: string): Diagnostic[];
  validateCmif(xml: string, file?: string): Diagnostic[];
}

export function validatorDeps(): ValidatorDeps {
  return { validateTei: (xml, file) => validateTei(xml, file), validateIiif, validateDc, validateCmif };
}
