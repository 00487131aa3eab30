import { basename } from 'node:path';
import { walkFiles } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import { deriveKey, documentKey } from './build-keys.js';
import { holdBack, loadBytes, readTei, type TeiRead } from './decode-phase.js';
import type { Deriver } from './derive-phase.js';
import type { DocumentMemo } from './document-cache.js';
import type { DocumentJob, DocumentJobResult } from './document-job.js';
import type { BuildRunner } from './build-runner.js';

/** Output files being written at once, at most (each holds its bytes until it is on disk). */
const MAX_WRITES_IN_FLIGHT = 256;

/**
 * Every TEI file, in file order: a file whose bytes and key match what the last run kept is
 * skipped — not validated, decoded nor derived — and its kept diagnostics, outputs and summaries
 * stand; any other is checked, decoded and derived afresh, in worker threads when there are many.
 * Results are applied in file order, so outputs do not depend on the number of workers; at most a
 * window of documents is in flight, so memory does not grow with the corpus.
 * Returns the common key the corpus steps build on, and whether any document was redone.
 */
export async function processDocuments(ctx: BuildContext, deriver: Deriver, runner: BuildRunner): Promise<{ common: string; changed: boolean; workers: number }> {
  const { config, deps, onProgress } = ctx.options;
  const common = deriveKey(ctx.tool, config, deriver.authoritySha, deps.stages.map((s) => s.name));
  const files = walkFiles(config.teiDir, { extensions: ['.xml'] });
  let changed = false;
  const plans = files.map((file) => ({ file, stem: basename(file).replace(/\.xml$/i, '') }));
  // Roughly how many documents must be redone (an edited TEI file is only seen when it is read).
  const redoCount = plans.filter(({ stem }) => ctx.previous.documents.get(stem)?.key !== documentKey(common, config.imagesDir, stem)).length;
  runner.prepare(redoCount);
  const window: Promise<() => void>[] = [];
  let done = 0;
  const applyHead = async (): Promise<void> => {
    const apply = await (window.shift() as Promise<() => void>);
    apply();
    onProgress?.({ phase: 'decode', done: ++done, total: files.length });
  };
  for (const { file, stem } of plans) {
    const memo = ctx.previous.documents.get(stem);
    const read = readTei(ctx, file, memo);
    const key = documentKey(common, config.imagesDir, read.stem);
    if (
      memo !== undefined &&
      read.sha256 !== undefined &&
      memo.key === key &&
      memo.teiSha256 === read.sha256 &&
      memo.teiPath === read.teiPath &&
      deriver.outputsPresent(memo.outputs)
    ) {
      window.push(Promise.resolve(() => keep(read, memo)));
    } else {
      changed = true;
      window.push(redo(runner, read, key, memo));
    }
    while (window.length >= runner.window) await applyHead();
    // Files not yet on disk hold their bytes: let the I/O threads catch up.
    if (deriver.writesInFlight > MAX_WRITES_IN_FLIGHT) await deriver.settle();
  }
  while (window.length > 0) await applyHead();
  // A document gone since the last run changes the corpus too.
  if (!changed) changed = [...ctx.previous.documents.keys()].some((id) => !ctx.next.documents.has(id));
  return { common, changed, workers: runner.workers };

  function keep(read: TeiRead, memo: DocumentMemo): void {
    read.report.diagnostics.push(...memo.diagnostics);
    deriver.keep(memo.outputs, ctx.options.listKeptOutputs === false ? 'counted' : read.report.outputs);
    // Checked by its bytes this time: stamp it so the next run need not read it.
    ctx.next.documents.set(read.stem, read.stamp !== undefined && memo.teiStamp !== read.stamp ? { ...memo, teiStamp: read.stamp } : memo);
    carryOaiDraft(read.stem);
  }

  /** A kept document's whole OAI record, when the last run's cache had it at hand (a JSON cache of an earlier version). */
  function carryOaiDraft(stem: string): void {
    const draft = ctx.previous.oaiDrafts.get(stem);
    if (draft !== undefined) ctx.next.oaiDrafts.set(stem, draft);
  }

  async function redo(runner: BuildRunner, read: TeiRead, key: string, memo: DocumentMemo | undefined): Promise<() => void> {
    if (read.bytes === undefined && read.sha256 !== undefined) loadBytes(ctx, read);
    const { bytes, sha256 } = read;
    if (bytes === undefined || sha256 === undefined) return () => keepHeldBack(read, memo);
    const checked = ctx.checked.get(sha256);
    ctx.checked.delete(sha256);
    const job: DocumentJob = {
      stem: read.stem,
      teiPath: read.teiPath,
      bytes,
      sha256,
      ...(checked !== undefined ? { checked } : {}),
      // Stages may reuse costly parts of what they gave last time (the site's citations, by key).
      ...(memo !== undefined ? { previousSummaries: memo.summaries } : {}),
    };
    // The bytes are in the job now: the read need not hold them while the job is in flight.
    delete read.bytes;
    let result: DocumentJobResult;
    try {
      result = await runner.run('document', job);
    } catch (error) {
      result = { diagnostics: [internalError('build/internal-error', 'the TEI file could not be decoded', error, read.teiPath)], invalid: false, stages: [] };
    }
    return () => applyRedo(read, key, memo, sha256, result);
  }

  function applyRedo(read: TeiRead, key: string, memo: DocumentMemo | undefined, sha256: string, result: DocumentJobResult): void {
    const before = read.report.diagnostics.length;
    read.report.diagnostics.push(...result.diagnostics);
    if (result.invalid) holdBack(ctx, read);
    if (result.cableId === undefined) {
      keepHeldBack(read, memo);
      return;
    }
    const derived = deriver.apply(result, read.report);
    const next: DocumentMemo = {
      id: result.cableId,
      teiPath: read.teiPath,
      teiSha256: sha256,
      ...(read.stamp !== undefined ? { teiStamp: read.stamp } : {}),
      key: derived.ok ? key : '',
      diagnostics: read.report.diagnostics.slice(before),
      outputs: derived.outputs,
      summaries: derived.summaries,
      summaryDigests: derived.summaryDigests,
    };
    if (result.oaiFailure !== undefined) {
      read.report.diagnostics.push(result.oaiFailure);
      next.key = '';
    } else if (result.oai !== undefined) {
      next.oai = { id: result.oai.id, hash: result.oai.hash };
      ctx.next.oaiDrafts.set(read.stem, result.oai);
    }
    derived.onWriteFailure = () => {
      next.key = '';
    };
    ctx.next.documents.set(read.stem, next);
  }

  /**
   * Held back (invalid TEI): what was published from it stays, in the corpus files too. The
   * memo still describes the last valid bytes, so restoring them needs no work.
   */
  function keepHeldBack(read: TeiRead, memo: DocumentMemo | undefined): void {
    if (memo !== undefined && ctx.heldBack.has(read.stem)) {
      deriver.keep(memo.outputs, undefined);
      ctx.next.documents.set(read.stem, memo);
      carryOaiDraft(read.stem);
    }
  }
}
