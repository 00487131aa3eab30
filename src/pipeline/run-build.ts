import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { listSourceFiles, removeAtomicTempFiles, toPortableRelative } from '../fs/index.js';
import { revisionTimestamp } from './build-clock.js';
import { internalError, type BuildContext, type BuildOptions } from './build-context.js';
import { statusOf, summarise, type BuildReport, type OutputRecord } from './build-report.js';
import { bookkeepingFiles, stateFile } from '../edition/layout.js';
import { sha256Hex, stagedWriter } from '../fs/index.js';
import { chainMessage } from '../diagnostics/error-chain.js';
import { teiKey, toolFingerprint } from './build-keys.js';
import { emptyDocumentCache, sameWork } from './document-cache.js';
import { readDocumentCacheDb, writeDocumentCacheDb } from './document-cache-db.js';
import { Deriver } from './derive-phase.js';
import { processDocuments } from './document-phase.js';
import { syncOai } from './oai-phase.js';
import { replayTeiJournal, teiJournal } from './tei-journal.js';
import { loadState, saveState } from './tei-phase.js';
import { processSources } from './source-phase.js';
import { buildRunner } from './build-runner.js';
import { readNameRegister } from './read-name-register.js';

/**
 * The whole pipeline: sources → TEI (hand edits protected) → every TEI checked and decoded →
 * derived stages → OAI-PMH store. Incremental: work whose inputs did not change since the last
 * run is skipped, and corpus-wide files are made from the summaries the build keeps.
 * One bad document never stops the batch; everything that went wrong is in the report.
 */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const { config, rootDir } = options;
  const bookkeeping = bookkeepingFiles(config.outputDir);
  const journal = teiJournal(bookkeeping.teiJournal);
  // With --force every piece of work is redone, so the cache is not even read; it is then rewritten whole.
  const stored = options.force === true ? undefined : readDocumentCacheDb(bookkeeping.buildCache, bookkeeping.documentCache);
  const ctx: BuildContext = {
    options,
    now: options.now ?? revisionTimestamp(),
    byId: new Map(),
    reports: [],
    globalDiagnostics: [],
    heldBack: new Set(),
    writer: stagedWriter(bookkeeping.staging),
    journal: journal.record,
    checked: new Map(),
    previous: stored?.cache ?? emptyDocumentCache(),
    next: emptyDocumentCache(),
    tool: options.toolFingerprint ?? toolFingerprint(),
  };
  const collectionOutputs: OutputRecord[] = [];
  if (stored?.unreadable !== undefined) {
    ctx.globalDiagnostics.push({
      code: 'build/cache-unreadable',
      severity: 'warning',
      message: `the build cache could not be read (${chainMessage(stored.unreadable)}); every document is redone and the cache written anew`,
      file: bookkeeping.buildCache,
    });
  }

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
  // A run killed after writing TEI files but before the state file: take its journal in.
  replayTeiJournal(bookkeeping.teiJournal, state, config.teiDir);
  const names = readNameRegister(config, rootDir);
  ctx.globalDiagnostics.push(...names.diagnostics);
  if (names.register) ctx.register = names.register;
  // The edition's register changes what ingest marks in the text, hence the TEI.
  const key = sha256Hex(JSON.stringify([teiKey(ctx.tool, config), names.register ?? null]));
  const deriver = new Deriver(ctx);
  // One pool of workers for the whole run, started by the first phase with enough work.
  const runner = buildRunner(ctx, deriver.stageCtx);
  let documents: Awaited<ReturnType<typeof processDocuments>>;
  try {
    // Every page takes part in settling ids before any TEI is written; unchanged work is skipped.
    await processSources(ctx, state, sources, runner, key);
    collectionOutputs.push(saveState(ctx, state));
    // The state is on disk (renamed into place): the journal has served its purpose.
    journal.clear();
    documents = await processDocuments(ctx, deriver, runner);
  } finally {
    await runner.close();
  }
  deriver.corpus([...ctx.next.documents.values()], documents.common);
  // Every output on disk before stale ones are reconciled and the run's work is trusted.
  await deriver.settle();
  collectionOutputs.push(...deriver.finish());
  await syncOai(ctx, documents.changed);

  // Everything written is flushed to disk once, before the cache says the work is done.
  ctx.writer.flush();
  try {
    const oaiMoved = ctx.previous.oaiKey !== ctx.next.oaiKey || ctx.previous.oaiGeneration !== ctx.next.oaiGeneration;
    if (stored?.mirrorsDatabase !== true || !sameWork(ctx.previous, ctx.next) || oaiMoved) {
      writeDocumentCacheDb(bookkeeping.buildCache, ctx.next, stored, bookkeeping.documentCache);
    }
  } catch (error) {
    ctx.globalDiagnostics.push(internalError('build/write-failed', 'could not keep the build cache', error, bookkeeping.buildCache));
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
  const statePath = toPortableRelative(rootDir, stateFile(config.teiDir));
  const countedOutputs = collectionOutputs.filter((o) => o.path !== statePath);
  return {
    tool: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    startedAt,
    summary: summarise(ctx.reports, countedOutputs, ctx.globalDiagnostics, seconds),
    workers: documents.workers,
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
