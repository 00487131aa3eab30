import type { CablekitConfig } from '../config/config.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { teiTextFromBytes } from '../tei/index.js';
import { summaryDigest, type OutputFile, type StageContext, type StageDocument } from '../stage/index.js';
import { internalError } from './build-context.js';
import type { BuildDeps, OaiRecordDraft } from './build-deps.js';
import { readPageImages } from './read-assets.js';

/**
 * One TEI file's work, the same in the build's own thread and in a worker: check it as
 * `cablekit validate` does, decode it, run every stage's document step and make its OAI record.
 * Everything it needs comes in as values and everything it finds goes out as values (files,
 * diagnostics, summaries), so the build applies results in file order and its bytes never depend
 * on how many workers ran. Reads only the document's page images (the stages stay pure).
 */
export interface DocumentJob {
  stem: string;
  teiPath: string;
  bytes: Uint8Array;
  sha256: string;
  /** What validation found in these very bytes earlier in this run (the build wrote them): not checked twice. */
  checked?: readonly Diagnostic[];
  /** The stages' summaries of this document from the last run, by stage name (`StageDocument.previousSummary`). */
  previousSummaries?: Record<string, unknown>;
}

export interface StageOutcome {
  /** Index of the stage in the deps' `stages`. */
  index: number;
  diagnostics: Diagnostic[];
  files: OutputFile[];
  summary?: unknown;
  /** `summaryDigest` of the summary, taken in the worker that made it. */
  summaryDigest?: string;
  /** The stage threw: reported as build/stage-failed, and its files are not trusted. */
  failure?: Diagnostic;
}

export interface DocumentJobResult {
  /** Validation, decoding and page-image findings, for the document's report. */
  diagnostics: Diagnostic[];
  /** The TEI is invalid: nothing may be derived from it (the build holds it back). */
  invalid: boolean;
  /** The decoded document's id, when it decoded. */
  cableId?: string;
  stages: StageOutcome[];
  oai?: OaiRecordDraft;
  oaiFailure?: Diagnostic;
}

/** The deps a job uses: what the build's own thread has, or a worker rebuilt from the same module. */
export type JobDeps = Pick<BuildDeps, 'validateTei' | 'decodeTei' | 'stages' | 'oaiRecordOf'>;

export function runDocumentJob(deps: JobDeps, stageCtx: StageContext, job: DocumentJob): DocumentJobResult {
  const { teiPath, stem } = job;
  const result: DocumentJobResult = { diagnostics: [], invalid: false, stages: [] };
  try {
    const bag = new DiagnosticBag(teiPath);
    const xml = teiTextFromBytes(job.bytes, bag);
    const findings = [...bag.items, ...(xml !== undefined ? (job.checked ?? deps.validateTei?.(xml, teiPath) ?? []) : [])];
    result.diagnostics.push(...findings);
    if (xml === undefined || findings.some((d) => d.severity === 'error')) {
      result.invalid = true;
      return result;
    }
    const decodedTei = deps.decodeTei(xml, teiPath);
    result.diagnostics.push(...decodedTei.diagnostics);
    const cable = decodedTei.cable;
    if (!cable) {
      if (!decodedTei.diagnostics.some((d) => d.severity === 'error')) {
        result.diagnostics.push({ code: 'build/tei-not-decoded', severity: 'error', message: 'the TEI file could not be read back', file: teiPath });
      }
      return result;
    }
    if (cable.id !== stem) {
      result.diagnostics.push({
        code: 'build/tei-id-mismatch',
        severity: 'warning',
        message: `the TEI file holds document "${cable.id}" but is named after "${stem}"`,
        file: teiPath,
      });
    }
    result.cableId = cable.id;
    const decoded = { cable, teiPath, teiSha256: job.sha256, ...(decodedTei.encodedWhen !== undefined ? { encodedWhen: decodedTei.encodedWhen } : {}) };
    const images = pageImagesOf(stageCtx.config, cable.id);
    result.diagnostics.push(...images.diagnostics);
    result.stages = deriveStages(deps, stageCtx, { ...decoded, pageImages: images.images }, job.previousSummaries);
    try {
      if (deps.oaiRecordOf) result.oai = deps.oaiRecordOf(decoded, stageCtx.config);
    } catch (error) {
      result.oaiFailure = internalError('build/internal-error', 'the OAI-PMH record could not be made', error, teiPath);
    }
  } catch (error) {
    result.diagnostics.push(internalError('build/internal-error', 'the TEI file could not be decoded', error, teiPath));
  }
  return result;
}

function deriveStages(deps: JobDeps, stageCtx: StageContext, doc: StageDocument, previous: Record<string, unknown> | undefined): StageOutcome[] {
  const outcomes: StageOutcome[] = [];
  deps.stages.forEach((stage, index) => {
    try {
      const kept = previous?.[stage.name];
      const out = stage.document(kept === undefined ? doc : { ...doc, previousSummary: kept }, stageCtx);
      outcomes.push({ index, diagnostics: out.diagnostics, files: out.files, ...(out.summary !== undefined ? { summary: out.summary, summaryDigest: summaryDigest(out.summary) } : {}) });
    } catch (error) {
      outcomes.push({
        index,
        diagnostics: [],
        files: [],
        failure: internalError('build/stage-failed', `the ${stage.name} stage failed on ${doc.cable.id}`, error, doc.teiPath),
      });
    }
  });
  return outcomes;
}

function pageImagesOf(config: CablekitConfig, id: string): ReturnType<typeof readPageImages> {
  return config.imagesDir === undefined ? { images: [], diagnostics: [] } : readPageImages(config.imagesDir, id);
}
