import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cable } from '../model/cable.js';
import type { NameRegister } from '../names/index.js';
import type { StageContext } from '../stage/index.js';
import type { TeiSettings } from '../tei/encode/tei-settings.js';
import type { BuildDeps } from './build-deps.js';
import { runDocumentJob, type DocumentJob, type DocumentJobResult } from './document-job.js';

/** A source page's bytes, to be read as a cable. */
export interface IngestJob {
  bytes: Uint8Array;
  /** Path relative to the sources folder, as the model records it. */
  ingestPath: string;
}
export type IngestJobResult = ReturnType<BuildDeps['ingest']>;

/** A settled cable, to be encoded as TEI with a given revision time and checked. */
export interface EncodeJob {
  cable: Cable;
  settings: TeiSettings;
  when: string;
  teiPath: string;
  /** Also check the encoding (when it is likely to be written; a kept hand edit needs no check). */
  check: boolean;
}
export interface EncodeJobResult {
  xml: string;
  /** The encoding was checked: `findings` and `rejection` hold. */
  checked: boolean;
  /** What validateTei found (absent without a validator). */
  findings?: Diagnostic[];
  /** Non-empty: the encoding must not be written. */
  rejection: Diagnostic[];
}

/** Every kind of work the build hands out, with what it gives back. */
export interface BuildJobs {
  ingest: [IngestJob, IngestJobResult];
  encode: [EncodeJob, EncodeJobResult];
  document: [DocumentJob, DocumentJobResult];
}
export type JobKind = keyof BuildJobs;
export interface JobMessage<K extends JobKind = JobKind> {
  kind: K;
  input: BuildJobs[K][0];
}

/** What every job of a run shares: the stages' context and the edition's name register. */
export interface JobContext {
  stageCtx: StageContext;
  register?: NameRegister;
}

/** Reads a page as a cable, with the edition's register when it has one. */
export function ingestWith(deps: BuildDeps, register: NameRegister | undefined, bytes: Uint8Array, ingestPath: string): IngestJobResult {
  return register ? deps.ingest(bytes, ingestPath, { register }) : deps.ingest(bytes, ingestPath);
}

/** Pure work, the same in the build's own thread and in a worker. */
export function runBuildJob<K extends JobKind>(deps: BuildDeps, jobCtx: JobContext, message: JobMessage<K>): BuildJobs[K][1] {
  switch (message.kind) {
    case 'ingest': {
      const { bytes, ingestPath } = message.input as IngestJob;
      return ingestWith(deps, jobCtx.register, bytes, ingestPath) as BuildJobs[K][1];
    }
    case 'encode': {
      const { cable, settings, when, teiPath, check } = message.input as EncodeJob;
      const xml = deps.encodeTei(cable, settings, { when });
      if (!check) return { xml, checked: false, rejection: [] } as BuildJobs[K][1];
      const findings = deps.validateTei?.(xml, teiPath);
      const rejection = deps.rejectEncodedTei?.(xml, teiPath, findings) ?? [];
      return { xml, checked: true, ...(findings !== undefined ? { findings } : {}), rejection } as BuildJobs[K][1];
    }
    default:
      return runDocumentJob(deps, jobCtx.stageCtx, message.input as DocumentJob) as BuildJobs[K][1];
  }
}
