import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { listSourceFiles, removeAtomicTempFiles, toPortableRelative } from '../fs/index.js';
import { revisionTimestamp } from './build-clock.js';
import { internalError, type BuildContext, type BuildOptions } from './build-context.js';
import { statusOf, summarise, type BuildReport, type OutputRecord } from './build-report.js';
import { decodeAllTei } from './decode-phase.js';
import { deriveOutputs } from './derive-phase.js';
import { readNameRegister } from './read-name-register.js';
import { ingestSource, loadState, saveState, settleSourceIds, writeIngestedTei } from './tei-phase.js';

/**
 * The whole pipeline: sources → TEI (hand edits protected) → decode every TEI → derived stages.
 * One bad document never stops the batch; everything that went wrong is in the report.
 */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const ctx: BuildContext = {
    options,
    now: options.now ?? revisionTimestamp(),
    byId: new Map(),
    reports: [],
    globalDiagnostics: [],
    heldBack: new Set(),
  };
  const { config, rootDir } = options;
  const collectionOutputs: OutputRecord[] = [];

  let sources: string[] = [];
  if (existsSync(config.sourcesDir)) {
    sources = listSourceFiles(config.sourcesDir);
  } else {
    ctx.globalDiagnostics.push({
      code: 'build/no-sources-dir',
      severity: 'warning',
      message: `the sources folder ${toPortableRelative(rootDir, config.sourcesDir) || '.'} does not exist; only existing TEI files are used`,
    });
  }

  mkdirSync(config.teiDir, { recursive: true });
  // A killed run may have left temp files of its atomic writes: never outputs, never hand edits.
  for (const file of [...removeAtomicTempFiles(config.teiDir, true), ...removeAtomicTempFiles(config.outputDir, false)]) {
    ctx.globalDiagnostics.push({ code: 'build/temp-file-removed', severity: 'info', message: 'removed the temp file an interrupted write left', file });
  }
  const state = loadState(ctx);
  const names = readNameRegister(config, rootDir);
  ctx.globalDiagnostics.push(...names.diagnostics);
  if (names.register) ctx.register = names.register;
  // Every page is ingested before any TEI is written: ids are settled over the whole batch.
  const ingested = sources.map((file) => ingestSource(ctx, file)).filter((i) => i !== undefined);
  settleSourceIds(ingested).forEach((i, index, all) => {
    writeIngestedTei(ctx, state, i);
    options.onProgress?.({ phase: 'tei', done: index + 1, total: all.length });
  });
  collectionOutputs.push(saveState(ctx, state));

  const decoded = decodeAllTei(ctx);
  collectionOutputs.push(...deriveOutputs(ctx, decoded));
  if (options.deps.syncOaiStore) {
    try {
      ctx.globalDiagnostics.push(...(await options.deps.syncOaiStore(decoded, config, rootDir, ctx.heldBack)).diagnostics);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/oai-sync-failed', 'the OAI-PMH store could not be updated', error));
    }
  }
  if (options.deps.publishChanges) {
    try {
      const published = await options.deps.publishChanges(config, rootDir);
      collectionOutputs.push(...published.outputs);
      ctx.globalDiagnostics.push(...published.diagnostics);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/change-discovery-failed', 'the IIIF Change Discovery feed could not be written', error));
    }
  }

  for (const report of ctx.reports) {
    report.diagnostics = report.diagnostics.map((d) => relativeToRoot(d, rootDir));
    report.status = statusOf(report.diagnostics);
  }
  ctx.globalDiagnostics = ctx.globalDiagnostics.map((d) => relativeToRoot(d, rootDir));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The state file is bookkeeping, not an output a person asked for: keep it out of the counts.
  const countedOutputs = collectionOutputs.filter((o) => !o.path.endsWith('.cablekit-state.json'));
  return {
    tool: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    startedAt,
    summary: summarise(ctx.reports, countedOutputs, ctx.globalDiagnostics, seconds),
    documents: ctx.reports,
    collectionOutputs,
    diagnostics: ctx.globalDiagnostics,
  };
}

/** Diagnostics name files relative to the project root, like the rest of the report. */
function relativeToRoot(d: Diagnostic, rootDir: string): Diagnostic {
  if (d.file === undefined || !isAbsolute(d.file)) return d;
  const relative = toPortableRelative(rootDir, d.file);
  return relative.startsWith('..') ? d : { ...d, file: relative };
}
