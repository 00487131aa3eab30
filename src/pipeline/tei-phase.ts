import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readFileIfExists, sha256Hex, toPortableRelative, writeFileAtomic, writeIfChanged } from '../fs/index.js';
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
    if (readFileIfExists(teiFileOf(teiDir, id)) === undefined) delete state.documents[id];
  }
  const path = stateFile(teiDir);
  const action = writeIfChanged(path, serializeBuildState(state));
  return { path: toPortableRelative(ctx.options.rootDir, path), action };
}

/** A page read and ingested, waiting for the batch's ids to be settled before its TEI is written. */
export interface IngestedSource {
  report: DocumentReport;
  cable: Cable;
  sourceSha256: string;
  textSha256: string;
}

/** Reads and ingests one source page; undefined when it gave no cable (the report says why). Never throws. */
export function ingestSource(ctx: BuildContext, sourceFile: string): IngestedSource | undefined {
  const { config, rootDir, deps } = ctx.options;
  const sourcePath = toPortableRelative(rootDir, sourceFile);
  const report = newDocumentReport({ sourcePath });
  ctx.reports.push(report);
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
    const bytes = readFileSync(sourceFile);
    // The model records the path relative to the sources folder (stable across machines);
    // diagnostics are re-pointed at the project-relative path so editors can open them.
    const ingestPath = toPortableRelative(config.sourcesDir, sourceFile);
    const ingested = ctx.register ? deps.ingest(bytes, ingestPath, { register: ctx.register }) : deps.ingest(bytes, ingestPath);
    report.diagnostics.push(...ingested.diagnostics.map((d) => (d.file === ingestPath ? { ...d, file: sourcePath } : d)));
    const cable = ingested.cable;
    if (!cable) {
      if (!report.diagnostics.some((d) => d.severity === 'error')) {
        report.diagnostics.push({ code: 'build/not-ingested', severity: 'error', message: 'no document could be read from this page', file: sourcePath });
      }
      return undefined;
    }
    const sourceSha256 = sha256Hex(bytes);
    return { report, cable, sourceSha256, textSha256: ingested.textSha256 ?? sourceSha256 };
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, sourcePath));
    return undefined;
  }
}

/**
 * Settles the ids of every ingested page at once (src/ingest/assemble/settle-ids.ts), so the
 * outcome does not depend on the order the files were read in; duplicates drop out here.
 */
export function settleSourceIds(ingested: readonly IngestedSource[]): IngestedSource[] {
  const claims = ingested.map((i) => ({ source: i.report.sourcePath ?? '', id: i.cable.id, textSha256: i.textSha256 }));
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
    if (s?.suffixed !== undefined) i.cable = { ...i.cable, id: s.id, idInferred: s.suffixed };
    kept.push(i);
  }
  return kept;
}

/** Writes (or protects) the TEI file of one settled page. Never throws. */
export function writeIngestedTei(ctx: BuildContext, state: BuildState, ingested: IngestedSource): void {
  const { config } = ctx.options;
  const { report, cable } = ingested;
  const sourcePath = report.sourcePath ?? undefined;
  try {
    report.documentId = cable.id;
    if (!SAFE_ID.test(cable.id)) {
      report.diagnostics.push({ code: 'build/unsafe-id', severity: 'error', message: `document id "${cable.id}" cannot be used as a file name`, ...(sourcePath ? { file: sourcePath } : {}) });
      return;
    }
    ctx.byId.set(cable.id, report);
    const teiSettings = teiSettingsOf(config);
    writeTei(ctx, state, report, ingested.sourceSha256, (when) => ctx.options.deps.encodeTei(cable, teiSettings, { when }));
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, sourcePath));
  }
}

function writeTei(
  ctx: BuildContext,
  state: BuildState,
  report: DocumentReport,
  sourceSha256: string,
  encode: (when: string) => string,
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
    return;
  }
  if (plan.action === 'unchanged') {
    report.outputs.push({ path: teiPath, action: 'unchanged' });
  } else {
    // Never write what we would reject: an encoding the validator refuses is an error, not a file.
    const rejection = ctx.options.deps.rejectEncodedTei?.(plan.content, teiPath) ?? [];
    if (rejection.length > 0) {
      report.diagnostics.push(...rejection);
      return;
    }
    writeFileAtomic(teiFile, plan.content);
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
