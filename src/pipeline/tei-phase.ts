import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readFileIfExists, sha256Hex, toPortableRelative, writeIfChanged } from '../fs/index.js';
import { TOOL_VERSION } from '../version.js';
import { stateFile, teiFile as teiFileOf } from '../edition/layout.js';
import { parseBuildState, emptyBuildState, serializeBuildState, type BuildState } from './build-state.js';
import { internalError, newDocumentReport, type BuildContext } from './build-context.js';
import { planTeiWrite } from './plan-tei-write.js';
import { teiSettingsOf } from '../tei/encode/tei-settings.js';
import type { DocumentReport, OutputRecord } from './build-report.js';
import type { Cable } from '../model/cable.js';
import { settleIds } from '../ingest/index.js';

/** Document ids become file names: only xml:id-like ids are accepted, so no id can escape the TEI folder. */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function loadState(ctx: BuildContext): BuildState {
  const path = stateFile(ctx.options.config.teiDir);
  const bytes = readFileIfExists(path);
  if (bytes === undefined) return emptyBuildState();
  const state = parseBuildState(bytes.toString('utf8'));
  if (state) return state;
  ctx.globalDiagnostics.push({
    code: 'build/state-unreadable',
    severity: 'warning',
    message: `the build state file is damaged; TEI files are re-checked against a fresh encoding`,
    file: toPortableRelative(ctx.options.rootDir, path),
  });
  return emptyBuildState();
}

/** Writes the state file, dropping entries whose TEI file is gone. */
export function saveState(ctx: BuildContext, state: BuildState): OutputRecord {
  const teiDir = ctx.options.config.teiDir;
  for (const id of Object.keys(state.documents)) {
    // Looked up, not read (reading every TEI file here cost 0.5 s at 10,000 documents); what is
    // there but not a file is read, so it fails as reading it always did.
    const tei = teiFileOf(teiDir, id);
    const found = statSync(tei, { throwIfNoEntry: false });
    if (found === undefined || (!found.isFile() && readFileIfExists(tei) === undefined)) delete state.documents[id];
  }
  const path = stateFile(teiDir);
  const action = writeIfChanged(path, serializeBuildState(state), (p, bytes) => ctx.writer.write(p, bytes));
  return { path: toPortableRelative(ctx.options.rootDir, path), action };
}

/**
 * A page read (or known unchanged from the last run), waiting for the batch's ids to be settled
 * before its TEI is written. `cable` is absent when the page was not read again: its claim and
 * checksums come from the build cache, and it is read only if its TEI must be encoded.
 */
export interface IngestedSource {
  report: DocumentReport;
  sourceFile: string;
  /** The id the page claims, before the batch's ids are settled. */
  claimId: string;
  /** The settled id (the claim, or the claim with a suffix). */
  id: string;
  /** Why the settled id differs from the claim, when it does. */
  suffixed?: string;
  sourceSha256: string;
  textSha256: string;
  /** fileStamp of the page taken before it was read. */
  sourceStamp?: string;
  /** What reading the page reported (kept, so a page not read again reports the same). */
  ingestDiagnostics: Diagnostic[];
}

/** The page's bytes, or undefined when it is too large or unreadable (the report says why). Never throws. */
export function readSource(ctx: BuildContext, sourceFile: string, report: DocumentReport): Buffer | undefined {
  const { deps } = ctx.options;
  const sourcePath = report.sourcePath ?? sourceFile;
  try {
    const size = statSync(sourceFile).size;
    if (deps.maxPageBytes !== undefined && size > deps.maxPageBytes) {
      report.diagnostics.push({
        code: 'build/source-too-large',
        severity: 'error',
        message: `the page is ${size} bytes; pages larger than ${deps.maxPageBytes} bytes are not read`,
        file: sourcePath,
      });
      return undefined;
    }
    return readFileSync(sourceFile);
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, sourcePath));
    return undefined;
  }
}

/** The path ingest records for a page: relative to the sources folder (stable across machines). */
export function ingestPathOf(ctx: BuildContext, sourceFile: string): string {
  return toPortableRelative(ctx.options.config.sourcesDir, sourceFile);
}

/**
 * What ingest gave for a page: its claim (an IngestedSource) and its cable; undefined when it gave
 * no cable (the report says why). Diagnostics are re-pointed at the project-relative path so editors can open them.
 */
export function takeIngested(
  report: DocumentReport,
  sourceFile: string,
  ingestPath: string,
  bytes: Uint8Array,
  ingested: { cable?: Cable; diagnostics: Diagnostic[]; textSha256?: string },
  sourceStamp: string | undefined,
): { source: IngestedSource; cable: Cable } | undefined {
  const sourcePath = report.sourcePath ?? ingestPath;
  const diagnostics = ingested.diagnostics.map((d) => (d.file === ingestPath ? { ...d, file: sourcePath } : d));
  report.diagnostics.push(...diagnostics);
  const cable = ingested.cable;
  if (!cable) {
    if (!report.diagnostics.some((d) => d.severity === 'error')) {
      report.diagnostics.push({ code: 'build/not-ingested', severity: 'error', message: 'no document could be read from this page', file: sourcePath });
    }
    return undefined;
  }
  const sourceSha256 = sha256Hex(bytes);
  const source: IngestedSource = {
    report,
    sourceFile,
    claimId: cable.id,
    id: cable.id,
    sourceSha256,
    textSha256: ingested.textSha256 ?? sourceSha256,
    ...(sourceStamp !== undefined ? { sourceStamp } : {}),
    ingestDiagnostics: diagnostics,
  };
  return { source, cable };
}

/**
 * Settles the ids of every ingested page at once (src/ingest/assemble/settle-ids.ts), so the
 * outcome does not depend on the order the files were read in; duplicates drop out here.
 */
export function settleSourceIds(ingested: readonly IngestedSource[]): IngestedSource[] {
  const claims = ingested.map((i) => ({ source: i.report.sourcePath ?? '', id: i.claimId, textSha256: i.textSha256 }));
  const { settled, diagnostics } = settleIds(claims);
  const bySource = new Map(ingested.map((i) => [i.report.sourcePath ?? '', i]));
  for (const d of diagnostics) bySource.get(d.file ?? '')?.report.diagnostics.push(d);
  const kept: IngestedSource[] = [];
  for (const i of ingested) {
    const s = settled.get(i.report.sourcePath ?? '');
    if (s?.kind === 'duplicate') {
      i.report.documentId = null;
      continue;
    }
    if (s?.suffixed !== undefined) {
      i.id = s.id;
      i.suffixed = s.suffixed;
    }
    kept.push(i);
  }
  return kept;
}

/** The cable of a settled page, with its settled id. */
export function settledCable(ingested: IngestedSource, cable: Cable): Cable {
  return ingested.suffixed !== undefined ? { ...cable, id: ingested.id, idInferred: ingested.suffixed } : cable;
}

/** Writes (or protects) the TEI file of one settled page. Never throws. */
export function writeIngestedTei(ctx: BuildContext, state: BuildState, ingested: IngestedSource, cable: Cable, encoded?: PreEncoded): void {
  const { config } = ctx.options;
  const { report } = ingested;
  const sourcePath = report.sourcePath ?? undefined;
  try {
    report.documentId = cable.id;
    if (!isSafeId(cable.id)) {
      report.diagnostics.push({ code: 'build/unsafe-id', severity: 'error', message: `document id "${cable.id}" cannot be used as a file name`, ...(sourcePath ? { file: sourcePath } : {}) });
      return;
    }
    ctx.byId.set(cable.id, report);
    const teiSettings = teiSettingsOf(config);
    const encode = (when: string): string => (encoded !== undefined && when === encoded.when ? encoded.xml : ctx.options.deps.encodeTei(cable, teiSettings, { when }));
    writeTei(ctx, state, report, ingested.sourceSha256, encode, encoded);
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, sourcePath));
  }
}

/** An encoding made (and checked) ahead, in a worker: used when the plan asks for that revision time. */
export interface PreEncoded {
  when: string;
  xml: string;
  /** Whether it was checked (findings and rejection hold only then). */
  checked: boolean;
  findings?: readonly Diagnostic[];
  rejection: readonly Diagnostic[];
}

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

function writeTei(
  ctx: BuildContext,
  state: BuildState,
  report: DocumentReport,
  sourceSha256: string,
  encode: (when: string) => string,
  encoded?: PreEncoded,
): void {
  const id = report.documentId as string;
  const teiFile = teiFileOf(ctx.options.config.teiDir, id);
  const teiPath = toPortableRelative(ctx.options.rootDir, teiFile);
  report.teiPath = teiPath;
  const existingTei = readFileIfExists(teiFile);
  const recorded = state.documents[id];
  const plan = planTeiWrite({
    sourceSha256,
    ...(existingTei !== undefined ? { existingTei } : {}),
    ...(recorded !== undefined ? { state: recorded } : {}),
    force: ctx.options.force ?? false,
    now: ctx.now,
    toolVersion: TOOL_VERSION,
    encode,
  });
  if (plan.action === 'keep-hand-edit') {
    report.outputs.push({ path: teiPath, action: 'kept-hand-edit' });
    report.diagnostics.push(handEditWarning(teiPath));
    // The state keeps the source the build last encoded: a different one now is a change the
    // hand-edited file does not have (said on every run until the two agree again).
    if (recorded !== undefined && recorded.sourceSha256 !== sourceSha256) {
      report.diagnostics.push({
        code: 'build/tei-source-changed',
        severity: 'warning',
        message: `the source page${report.sourcePath ? ` ${report.sourcePath}` : ''} changed since this TEI file was last generated, and the change is not in the hand-edited file`,
        hint: 'to take the new source, merge its change into the TEI file by hand, or run with --force (which replaces the hand edit with a fresh encoding)',
        file: teiPath,
      });
    }
    return;
  }
  if (plan.action === 'unchanged') {
    report.outputs.push({ path: teiPath, action: 'unchanged' });
  } else {
    // Never write what we would reject: an encoding the validator refuses is an error, not a file.
    const { deps } = ctx.options;
    // Checked once, as the build will read it back: the findings serve both the write and the read.
    const ahead = encoded !== undefined && encoded.checked && encoded.xml === plan.content ? encoded : undefined;
    const findings = ahead ? ahead.findings : deps.validateTei?.(plan.content, teiPath);
    const rejection = ahead ? ahead.rejection : (deps.rejectEncodedTei?.(plan.content, teiPath, findings) ?? []);
    if (rejection.length > 0) {
      report.diagnostics.push(...rejection);
      return;
    }
    if (findings !== undefined) ctx.checked.set(sha256Hex(plan.content), findings);
    const entry = {
      source: report.sourcePath ?? '',
      sourceSha256,
      teiSha256: sha256Hex(plan.content),
      when: plan.when,
      toolVersion: TOOL_VERSION,
    };
    ctx.journal(id, entry);
    ctx.writer.write(teiFile, plan.content);
    report.outputs.push({ path: teiPath, action: 'written' });
    if (plan.action === 'overwrite-hand-edit') {
      report.diagnostics.push({
        code: 'build/tei-hand-edit-overwritten',
        severity: 'warning',
        message: 'the hand-edited TEI file was overwritten because --force was given',
        file: teiPath,
      });
    }
  }
  state.documents[id] = {
    source: report.sourcePath ?? '',
    sourceSha256,
    teiSha256: sha256Hex(plan.content),
    when: plan.when,
    toolVersion: TOOL_VERSION,
  };
}

function handEditWarning(teiPath: string): Diagnostic {
  return {
    code: 'build/tei-hand-edited',
    severity: 'warning',
    message: 'the TEI file was edited by hand since the last build; the edit is kept and the file was not regenerated',
    hint: 'run with --force to overwrite the edit with a fresh encoding of the source',
    file: teiPath,
  };
}
