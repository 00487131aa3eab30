import { basename } from 'node:path';
import { walkFiles } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import { deriveKey, documentKey } from './build-keys.js';
import { decodeTei, readTei } from './decode-phase.js';
import type { Deriver } from './derive-phase.js';
import type { DocumentMemo } from './document-cache.js';

/**
 * Every TEI file, one at a time (only one decoded cable is held at once): a file whose bytes and
 * key match what the last run kept is skipped — not validated, decoded nor derived — and its kept
 * diagnostics, outputs and summaries stand; any other is checked, decoded and derived afresh.
 * Returns the common key the corpus steps build on, and whether any document was redone.
 */
export function processDocuments(ctx: BuildContext, deriver: Deriver): { common: string; changed: boolean } {
  const { config, deps, onProgress } = ctx.options;
  const common = deriveKey(ctx.tool, config, deriver.authoritySha, deps.stages.map((s) => s.name));
  const files = walkFiles(config.teiDir, { extensions: ['.xml'] });
  let changed = false;
  files.forEach((file, index) => {
    const stem = basename(file).replace(/\.xml$/i, '');
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
      read.report.diagnostics.push(...memo.diagnostics);
      deriver.keep(memo.outputs, read.report.outputs);
      // Checked by its bytes this time: stamp it so the next run need not read it.
      ctx.next.documents.set(read.stem, read.stamp !== undefined && memo.teiStamp !== read.stamp ? { ...memo, teiStamp: read.stamp } : memo);
    } else {
      changed = true;
      redo(read, key, memo);
    }
    onProgress?.({ phase: 'decode', done: index + 1, total: files.length });
  });
  // A document gone since the last run changes the corpus too.
  if (!changed) changed = [...ctx.previous.documents.keys()].some((id) => !ctx.next.documents.has(id));
  return { common, changed };

  function redo(read: ReturnType<typeof readTei>, key: string, memo: DocumentMemo | undefined): void {
    const before = read.report.diagnostics.length;
    const decoded = decodeTei(ctx, read);
    if (decoded === undefined) {
      // Held back (invalid TEI): what was published from it stays, in the corpus files too. The
      // memo still describes the last valid bytes, so restoring them needs no work.
      if (memo !== undefined && ctx.heldBack.has(read.stem)) {
        deriver.keep(memo.outputs, undefined);
        ctx.next.documents.set(read.stem, memo);
      }
      return;
    }
    const derived = deriver.document(decoded, read.report);
    const next: DocumentMemo = {
      id: decoded.cable.id,
      teiPath: read.teiPath,
      teiSha256: decoded.teiSha256,
      ...(read.stamp !== undefined ? { teiStamp: read.stamp } : {}),
      key: derived.ok ? key : '',
      diagnostics: read.report.diagnostics.slice(before),
      outputs: derived.outputs,
      summaries: derived.summaries,
    };
    try {
      if (deps.oaiRecordOf) next.oai = deps.oaiRecordOf(decoded, config);
    } catch (error) {
      read.report.diagnostics.push(internalError('build/internal-error', 'the OAI-PMH record could not be made', error, read.teiPath));
      next.key = '';
    }
    ctx.next.documents.set(read.stem, next);
  }
}
