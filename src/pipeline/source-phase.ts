import { rmSync } from 'node:fs';
import { fileStamp, readFileBounded, readFileIfExists, sha256Hex, stampTrusted, toPortableRelative } from '../fs/index.js';
import type { Cable } from '../model/cable.js';
import { teiFile } from '../edition/layout.js';
import { teiSettingsOf } from '../tei/encode/tei-settings.js';
import { TOOL_VERSION } from '../version.js';
import { internalError, newDocumentReport, type BuildContext } from './build-context.js';
import type { BuildState } from './build-state.js';
import type { BuildRunner } from './build-runner.js';
import { plannedWhen } from './plan-tei-write.js';
import { rememberTei, reuseTei } from './tei-reuse.js';
import {
  ingestPathOf,
  isSafeId,
  readSource,
  settledCable,
  settleSourceIds,
  takeIngested,
  writeIngestedTei,
  type IngestedSource,
  type PreEncoded,
} from './tei-phase.js';

/**
 * Sources → TEI. Every page takes part in settling the batch's ids, but a page whose stamp and
 * key are those of the last run is not read again (its claim comes from the build cache); the
 * others are read by worker threads when there are many. Then each settled page whose TEI is up
 * to date is skipped, and the rest are encoded and checked (in workers) and written in source
 * order, so nothing depends on the number of workers.
 */
export async function processSources(ctx: BuildContext, state: BuildState, sources: readonly string[], runner: BuildRunner, key: string): Promise<void> {
  const entries = await readAll(ctx, sources, runner, key);
  const settled = settleSourceIds(entries);
  retireSupersededTei(ctx, state, settled);
  const toEncode = settled.filter((i) => !reuseTei(ctx, state, i, key));
  runner.prepare(toEncode.length);
  const settings = teiSettingsOf(ctx.options.config);
  const window: Promise<() => void>[] = [];
  let done = settled.length - toEncode.length;
  const applyHead = async (): Promise<void> => {
    (await (window.shift() as Promise<() => void>))();
    ctx.options.onProgress?.({ phase: 'tei', done: ++done, total: settled.length });
  };
  for (const entry of toEncode) {
    window.push(encodeOne(ctx, state, entry, runner, settings, key));
    while (window.length >= runner.window) await applyHead();
  }
  while (window.length > 0) await applyHead();
}

/** Every page's claim, in source order: from the cache when the page is unchanged, else read and ingested. */
async function readAll(ctx: BuildContext, sources: readonly string[], runner: BuildRunner, key: string): Promise<IngestedSource[]> {
  const { rootDir, force } = ctx.options;
  const plans = sources.map((sourceFile) => {
    const sourcePath = toPortableRelative(rootDir, sourceFile);
    const report = newDocumentReport({ sourcePath });
    ctx.reports.push(report);
    const stamp = fileStamp(sourceFile);
    const memo = ctx.previous.sources.get(sourcePath);
    const usable = force !== true && memo !== undefined && memo.key === key && memo.claimId !== undefined && memo.textSha256 !== undefined;
    // A stamp too close to the last record is checked by the page's bytes instead.
    const known = usable && (stampTrusted(stamp, memo.sourceStamp, ctx.previous.recordedAtNs) || holdsSource(sourceFile, memo.sourceSha256, ctx.options.deps.maxPageBytes ?? Number.MAX_SAFE_INTEGER)) ? memo : undefined;
    return { sourceFile, report, stamp, known };
  });
  runner.prepare(plans.filter((p) => p.known === undefined).length);
  const out: (IngestedSource | undefined)[] = [];
  const window: Promise<IngestedSource | undefined>[] = [];
  for (const { sourceFile, report, stamp, known } of plans) {
    if (known !== undefined) {
      const ingestDiagnostics = known.ingestDiagnostics ?? [];
      report.diagnostics.push(...ingestDiagnostics);
      const entry: IngestedSource = {
        report,
        sourceFile,
        claimId: known.claimId as string,
        id: known.claimId as string,
        sourceSha256: known.sourceSha256,
        textSha256: known.textSha256 as string,
        ...(stamp !== undefined ? { sourceStamp: stamp } : {}),
        ingestDiagnostics,
      };
      window.push(Promise.resolve(entry));
    } else {
      window.push(ingestOne(ctx, sourceFile, report, stamp, runner));
    }
    while (window.length >= runner.window) out.push(await window.shift());
  }
  while (window.length > 0) out.push(await window.shift());
  return out.filter((i): i is IngestedSource => i !== undefined);
}

async function ingestOne(ctx: BuildContext, sourceFile: string, report: IngestedSource['report'], stamp: string | undefined, runner: BuildRunner): Promise<IngestedSource | undefined> {
  const bytes = readSource(ctx, sourceFile, report);
  if (bytes === undefined) return undefined;
  const ingestPath = ingestPathOf(ctx, sourceFile);
  try {
    const ingested = await runner.run('ingest', { bytes, ingestPath });
    // Only the claim is kept: every page takes part in settling ids before any is encoded, and
    // holding every cable until then grew with the corpus (gigabytes at 100,000 pages). A page to
    // encode is read again then, in the window (readAgain).
    return takeIngested(report, sourceFile, ingestPath, bytes, ingested, stamp)?.source;
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, report.sourcePath ?? ingestPath));
    return undefined;
  }
}

/** Encodes one settled page ahead (in a worker when there are workers); returns how to write it, in order. */
async function encodeOne(
  ctx: BuildContext,
  state: BuildState,
  entry: IngestedSource,
  runner: BuildRunner,
  settings: ReturnType<typeof teiSettingsOf>,
  key: string,
): Promise<() => void> {
  const cable = await readAgain(ctx, entry, runner);
  if (cable === undefined) return () => {};
  let encoded: PreEncoded | undefined;
  if (isSafeId(cable.id)) {
    const recorded = state.documents[cable.id];
    const when = plannedWhen({ state: recorded, sourceSha256: entry.sourceSha256, toolVersion: TOOL_VERSION, now: ctx.now });
    const file = teiFile(ctx.options.config.teiDir, cable.id);
    const teiPath = toPortableRelative(ctx.options.rootDir, file);
    // Checked ahead only when it will likely be written: no TEI yet, or the TEI the build last wrote.
    let check = true;
    try {
      const existing = readFileIfExists(file);
      check = existing === undefined || (recorded !== undefined && sha256Hex(existing) === recorded.teiSha256);
    } catch {
      // Unreadable: the write below reads it again and reports why.
    }
    try {
      encoded = { when, ...(await runner.run('encode', { cable, settings, when, teiPath, check })) };
    } catch {
      // A worker lost on this page: the write below encodes it here and reports what goes wrong.
      encoded = undefined;
    }
  }
  return () => {
    writeIngestedTei(ctx, state, entry, cable, encoded);
    rememberTei(ctx, state, entry, key);
  };
}

/**
 * A settled page to encode, read again (its claim was all that was kept of the first read, or it
 * came from the cache: its TEI must be written after all, because its settled id changed or its
 * TEI was removed). Its diagnostics were already reported from that read or from the cache; a page
 * whose bytes changed since is not written.
 */
async function readAgain(ctx: BuildContext, entry: IngestedSource, runner: BuildRunner): Promise<Cable | undefined> {
  const scratch = newDocumentReport({ sourcePath: entry.report.sourcePath });
  const bytes = readSource(ctx, entry.sourceFile, scratch);
  const ingestPath = ingestPathOf(ctx, entry.sourceFile);
  let again: ReturnType<typeof takeIngested>;
  if (bytes !== undefined) {
    try {
      again = takeIngested(scratch, entry.sourceFile, ingestPath, bytes, await runner.run('ingest', { bytes, ingestPath }), entry.sourceStamp);
    } catch (error) {
      scratch.diagnostics.push(internalError('build/internal-error', 'this page could not be processed', error, entry.report.sourcePath ?? ingestPath));
    }
  }
  if (again === undefined || again.source.sourceSha256 !== entry.sourceSha256) {
    entry.report.diagnostics.push(...scratch.diagnostics.filter((d) => d.severity === 'error'));
    if (again !== undefined) {
      entry.report.diagnostics.push({
        code: 'build/source-changed-during-build',
        severity: 'error',
        message: 'the page changed while the build ran; it was not written',
        hint: 'build again',
        ...(entry.report.sourcePath !== null ? { file: entry.report.sourcePath } : {}),
      });
    }
    return undefined;
  }
  return settledCable(entry, again.cable);
}

/**
 * A page whose settled id changed (its text changed, and its id carries a suffix from the text
 * because other pages claim the same id) gives a new TEI file; the one the build wrote for it
 * under the old id is removed, so one page never stands for two documents. A TEI file edited by
 * hand since is kept (the edit is the editor's) and reported.
 */
function retireSupersededTei(ctx: BuildContext, state: BuildState, settled: readonly IngestedSource[]): void {
  const { config, rootDir } = ctx.options;
  const bySource = new Map(settled.map((i) => [i.report.sourcePath, i]));
  const claimed = new Set(settled.map((i) => i.id));
  for (const [id, entry] of Object.entries(state.documents)) {
    const now = bySource.get(entry.source);
    if (now === undefined || now.id === id || claimed.has(id)) continue;
    const file = teiFile(config.teiDir, id);
    const teiPath = toPortableRelative(rootDir, file);
    try {
      const bytes = readFileIfExists(file);
      if (bytes !== undefined && sha256Hex(bytes) !== entry.teiSha256) {
        now.report.diagnostics.push({
          code: 'build/tei-superseded-kept',
          severity: 'warning',
          message: `this page is now document "${now.id}"; ${teiPath}, written for it as "${id}", was edited by hand and is kept`,
          hint: `remove ${teiPath} if the new document replaces it`,
          file: teiPath,
        });
        continue;
      }
      if (bytes !== undefined) {
        rmSync(file);
        now.report.outputs.push({ path: teiPath, action: 'deleted' });
        now.report.diagnostics.push({ code: 'build/tei-superseded', severity: 'info', message: `this page is now document "${now.id}"; its TEI file as "${id}" was removed`, file: teiPath });
      }
      delete state.documents[id];
    } catch (error) {
      now.report.diagnostics.push(internalError('build/write-failed', `could not remove ${teiPath}`, error, teiPath));
    }
  }
}

/** Whether the page still holds the bytes with this checksum (never reading past the page size limit). */
function holdsSource(sourceFile: string, sha256: string, maxBytes: number): boolean {
  try {
    const read = readFileBounded(sourceFile, maxBytes);
    return 'bytes' in read && sha256Hex(read.bytes) === sha256;
  } catch {
    return false;
  }
}
