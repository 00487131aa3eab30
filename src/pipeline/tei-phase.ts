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
  const action = writeIfChanged(path, serializeBuildState(state), (p, bytes) => ctx.writer.write(p, bytes));
  return { path: toPortableRelative(ctx.options.rootDir, path), action };
}

/** Ingests one source page and writes (or protects) its TEI file. Never throws. */
export function buildTeiForSource(ctx: BuildContext, state: BuildState, sourceFile: string): DocumentReport {
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
      return report;
    }
    const bytes = readFileSync(sourceFile);
    // The model records the path relative to the sources folder (stable across machines);
    // diagnostics are re-pointed at the project-relative path so editors can open them.
    const ingestPath = toPortableRelative(config.sourcesDir, sourceFile);
    const ingested = deps.ingest(bytes, ingestPath);
    report.diagnostics.push(...ingested.diagnostics.map((d) => (d.file === ingestPath ? { ...d, file: sourcePath } : d)));
    const cable = ingested.cable;
    if (!cable) {
      if (!report.diagnostics.some((d) => d.severity === 'error')) {
        report.diagnostics.push({ code: 'build/not-ingested', severity: 'error', message: 'no document could be read from this page', file: sourcePath });
      }
      return report;
    }
    report.documentId = cable.id;
    if (!SAFE_ID.test(cable.id)) {
      report.diagnostics.push({ code: 'build/unsafe-id', severity: 'error', message: `document id "${cable.id}" cannot be used as a file name`, file: sourcePath });
      return report;
    }
    const earlier = ctx.byId.get(cable.id);
    if (earlier) {
      report.diagnostics.push({
        code: 'build/duplicate-id',
        severity: 'error',
        message: `document id "${cable.id}" is already used by ${earlier.sourcePath ?? 'another page'}; this page was not written`,
        file: sourcePath,
      });
      return report;
    }
    ctx.byId.set(cable.id, report);
    const teiSettings = teiSettingsOf(config);
    writeTei(ctx, state, report, sha256Hex(bytes), (when) => deps.encodeTei(cable, teiSettings, { when }));
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, sourcePath));
  }
  return report;
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
