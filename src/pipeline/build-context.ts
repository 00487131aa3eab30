import { chainMessage } from '../diagnostics/error-chain.js';
import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NameRegister } from '../names/index.js';
import type { BuildDeps } from './build-deps.js';
import type { DocumentReport } from './build-report.js';
import type { StagedWriter } from '../fs/index.js';
import type { TeiStateEntry } from './build-state.js';
import type { DocumentCache } from './document-cache.js';

export type BuildPhase = 'tei' | 'decode' | 'derive';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  total: number;
}

export interface BuildOptions {
  /** Settings with absolute folders, as returned by loadConfig. */
  config: CablekitConfig;
  /** Project root: report and diagnostic paths are relative to it. */
  rootDir: string;
  /** Overwrite hand-edited TEI. */
  force?: boolean;
  /**
   * List each output of a kept document in its report, as 'unchanged' (the default); false counts
   * them only, for the summary line, as the command does without `--report`: 190,000 records at
   * 10,000 documents that nothing reads.
   */
  listKeptOutputs?: boolean;
  /** `when` for new TEI revisions (default: revisionTimestamp()). */
  now?: string;
  deps: BuildDeps;
  onProgress?: (progress: BuildProgress) => void;
  /**
   * The outputs ledger as the run left it (every output file, relative to the output folder, with
   * its sha256), handed over in memory so a step after the build (the search index) need not read
   * it back; not called when the run stopped before it was written.
   */
  onOutputsLedger?: (ledger: ReadonlyMap<string, string>) => void;
  /**
   * Folders (relative to the output folder) that a step after the build writes into, such as the
   * search index's: adding them changes their parent folders' times after the build has taken the
   * output folders' stamps, so those parents are not recorded (output-folder-stamps.ts).
   */
  foldersWrittenLater?: readonly string[];
  /**
   * Worker threads for document work (default: one per core). Outputs do not depend on it; with
   * 1, or with few documents to redo, the build's own thread does everything.
   */
  jobs?: number;
  /** The version of the tool, down to its bytes (default: toolFingerprint()); kept work of another one is redone. */
  toolFingerprint?: string;
}

/** Shared, mutable bookkeeping of one build run, passed between the phases. */
export interface BuildContext {
  options: BuildOptions;
  now: string;
  /** Reports by document id, plus reports of pages that never got an id. */
  byId: Map<string, DocumentReport>;
  reports: DocumentReport[];
  globalDiagnostics: Diagnostic[];
  /**
   * Documents whose TEI failed validation this run: not derived, and their earlier outputs and
   * OAI record are left as they were (a typo in a hand edit must not unpublish the document).
   */
  heldBack: Set<string>;
  /** Every file of the run goes through it: atomic, staged outside the published folders, flushed once at the end. */
  writer: StagedWriter;
  /** Records a TEI state change before the TEI file is written, so a killed run is not mistaken for a hand edit. */
  journal(id: string, entry: TeiStateEntry): void;
  /** What validation found in TEI bytes this run wrote (by sha256): the same bytes are not checked twice. */
  checked: Map<string, readonly Diagnostic[]>;
  /** The kept work of the last run, and what this run keeps. */
  previous: DocumentCache;
  next: DocumentCache;
  tool: string;
  /** The edition's own name register (src/pipeline/read-name-register.ts), when it has one. */
  register?: NameRegister;
}

export function newDocumentReport(fields: Partial<DocumentReport>): DocumentReport {
  return {
    sourcePath: null,
    documentId: null,
    teiPath: null,
    status: 'ok',
    diagnostics: [],
    outputs: [],
    ...fields,
  };
}

export function internalError(code: string, what: string, error: unknown, file?: string): Diagnostic {
  const d: Diagnostic = {
    code,
    severity: 'error',
    message: `${what}: ${chainMessage(error)}`,
  };
  if (file !== undefined) d.file = file;
  return d;
}
