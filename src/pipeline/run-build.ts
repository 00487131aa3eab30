import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chainMessage, chainStack, debugEnabled } from '../diagnostics/error-chain.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { fileSystemCause, listSourceFiles, removeAtomicTempFiles, toPortableRelative } from '../fs/index.js';
import { revisionTimestamp } from './build-clock.js';
import { internalError, type BuildContext, type BuildOptions } from './build-context.js';
import { statusOf, summarise, type BuildReport, type OutputRecord } from './build-report.js';
import { bookkeepingFiles, stateFile } from '../edition/layout.js';
import { sha256Hex, stagedWriter } from '../fs/index.js';
import { teiKey, toolFingerprint } from './build-keys.js';
import { emptyDocumentCache, sameWork } from './document-cache.js';
import { OaiDraftReader, readDocumentCacheDb, writeDocumentCacheDb } from './document-cache-db.js';
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
  // The build cache only saves work: unreadable or damaged, the build does all the work — and says
  // so. With --force every piece of work is redone, so it is not even read (then rewritten whole).
  const stored = options.force === true ? undefined : readDocumentCacheDb(bookkeeping.buildCache, bookkeeping.documentCache);
  const cacheFindings: Diagnostic[] = [];
  if (stored?.unreadable !== undefined) {
    cacheFindings.push({
      code: 'build/cache-unreadable',
      severity: 'warning',
      message: `the build cache cannot be read (${chainMessage(stored.unreadable)}); every page and document is processed again, and the cache written anew`,
      file: stored.unreadableFile ?? bookkeeping.buildCache,
    });
  }
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
  ctx.globalDiagnostics.push(...cacheFindings);
  const collectionOutputs: OutputRecord[] = [];
  const deriver = new Deriver(ctx);

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

  // Build-wide file work (folders, state, ledger, flush) that fails — a full disk, a read-only
  // folder, a file where a folder should be — stops the run with an error naming the step and
  // the file; what was written before stays, and the report is still made.
  let doing = 'create the TEI folder';
  let documents: Awaited<ReturnType<typeof processDocuments>> | undefined;
  let stopped = false;
  try {
    mkdirSync(config.teiDir, { recursive: true });
    doing = 'mark the run as started in the bookkeeping folder';
    // Only a run that did not end (killed, crashed, stopped) can have left temp files of its atomic
    // writes, and such a run leaves its marker behind. Without a cache database (a first run, a
    // cache of an earlier version, --force) the folders are walked too. Walking every folder of a
    // large edition on every run took seconds (190,000 files at 10,000 documents).
    const interrupted = existsSync(bookkeeping.runMarker) || stored?.mirrorsDatabase !== true;
    mkdirSync(bookkeeping.dir, { recursive: true });
    writeFileSync(bookkeeping.runMarker, `${process.pid}\n`);
    doing = 'remove the temp files an interrupted run left';
    if (interrupted) {
      // Never outputs, never hand edits: removed and reported.
      for (const file of [...removeAtomicTempFiles(config.teiDir, true), ...removeAtomicTempFiles(config.outputDir, false)]) {
        ctx.globalDiagnostics.push({ code: 'build/temp-file-removed', severity: 'info', message: 'removed the temp file an interrupted write left', file });
      }
    }
    doing = 'read the build state';
    const state = loadState(ctx);
    // A run killed after writing TEI files but before the state file: take its journal in.
    replayTeiJournal(bookkeeping.teiJournal, state, config.teiDir);
    const names = readNameRegister(config, rootDir);
    ctx.globalDiagnostics.push(...names.diagnostics);
    if (names.register) ctx.register = names.register;
    // The edition's register changes what ingest marks in the text, hence the TEI.
    const key = sha256Hex(JSON.stringify([teiKey(ctx.tool, config), names.register ?? null]));
    // One pool of workers for the whole run, started by the first phase with enough work.
    const runner = buildRunner(ctx, deriver.stageCtx);
    try {
      doing = 'read the sources and settle their ids';
      // Every page takes part in settling ids before any TEI is written; unchanged work is skipped.
      await processSources(ctx, state, sources, runner, key);
      doing = 'save the build state';
      collectionOutputs.push(saveState(ctx, state));
      // The state is on disk (renamed into place): the journal has served its purpose.
      journal.clear();
      doing = 'write the TEI and the documents\' outputs';
      documents = await processDocuments(ctx, deriver, runner);
    } finally {
      await runner.close();
    }
    doing = 'write the edition-wide outputs';
    deriver.corpus([...ctx.next.documents.values()], documents.common);
    // Every output on disk before stale ones are reconciled and the run's work is trusted.
    await deriver.settle();
    doing = 'remove stale outputs and write the outputs ledger';
    collectionOutputs.push(...deriver.finish());
    if (deriver.ledger !== undefined) options.onOutputsLedger?.(deriver.ledger);
    doing = 'update the OAI-PMH store';
    const oaiDrafts = new OaiDraftReader(bookkeeping.buildCache);
    try {
      await syncOai(ctx, documents.changed, (stem) => oaiDrafts.get(stem));
    } finally {
      oaiDrafts.close();
    }
    doing = 'flush the written files to disk';
    // Everything written is flushed to disk once, before the cache says the work is done.
    ctx.writer.flush();
  } catch (error) {
    const cause = fileSystemCause(error);
    if (cause === undefined) throw error;
    stopped = true;
    // Writes still in flight end (or fail) before the report is made.
    await deriver.settle().catch(() => undefined);
    if (debugEnabled()) process.stderr.write(`${chainStack(error)}\n`);
    const d: Diagnostic = {
      code: 'build/io-failed',
      severity: 'error',
      message: `could not ${doing}: ${chainMessage(error)}; the build stopped there, and the files written before are kept`,
      hint: 'free disk space, make the folder writable or remove what is in the way, then build again',
    };
    if (cause.path !== undefined) d.file = cause.path;
    ctx.globalDiagnostics.push(d);
  }
  // A stopped run's work is not trusted: the cache is left as it was, and nothing is published.
  if (!stopped) {
    try {
      const oaiMoved = ctx.previous.oaiKey !== ctx.next.oaiKey || ctx.previous.oaiGeneration !== ctx.next.oaiGeneration;
      const ledgerMoved = ctx.previous.ledgerStamp !== ctx.next.ledgerStamp;
      if (stored?.mirrorsDatabase !== true || !sameWork(ctx.previous, ctx.next) || oaiMoved || ledgerMoved) {
        writeDocumentCacheDb(bookkeeping.buildCache, ctx.next, stored, bookkeeping.documentCache);
      }
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/write-failed', 'could not keep the build cache', error, bookkeeping.buildCache));
    }
  }
  if (options.deps.publishChanges && !stopped) {
    try {
      const published = await options.deps.publishChanges(config, rootDir);
      collectionOutputs.push(...published.outputs);
      ctx.globalDiagnostics.push(...published.diagnostics);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/change-discovery-failed', 'the IIIF Change Discovery feed could not be written', error));
    }
  }

  if (!stopped) {
    try {
      // After every write of the run (the change feed's included).
      deriver.recordOutputFolders(options.foldersWrittenLater ?? []);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/write-failed', 'could not record the output folders\' stamps', error, bookkeeping.outputFolders));
    }
  }

  // The run ended: the next one need not look for what an interrupted one leaves.
  if (!stopped) rmSync(bookkeeping.runMarker, { force: true });

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
    summary: summarise(ctx.reports, countedOutputs, ctx.globalDiagnostics, seconds, deriver.unlistedUnchanged),
    workers: documents?.workers ?? 0,
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
