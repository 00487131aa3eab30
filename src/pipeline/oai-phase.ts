import { existsSync } from 'node:fs';
import { bookkeepingFiles } from '../edition/layout.js';
import { sha256Hex } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OaiRecordDraft } from './build-deps.js';

/**
 * Brings the OAI-PMH store in line with the records kept for every document. Skipped when no
 * document was redone or left and the store is there: its records would all be unchanged.
 */
export function syncOai(ctx: BuildContext, changed: boolean): void {
  const { deps, config, rootDir } = ctx.options;
  if (!deps.syncOaiStore) return;
  const records: { draft: OaiRecordDraft; file?: string }[] = [];
  for (const [stem, memo] of ctx.next.documents) {
    // A held-back document's record stays exactly as it is in the store.
    if (memo.oai === undefined || ctx.heldBack.has(stem)) continue;
    records.push({ draft: memo.oai as OaiRecordDraft, file: memo.teiPath });
  }
  const key = sha256Hex(JSON.stringify([[...ctx.next.documents].map(([id, m]) => [id, m.teiSha256, m.key]), [...ctx.heldBack].sort()]));
  if (!changed && ctx.previous.oaiKey === key && existsSync(bookkeepingFiles(config.outputDir).oaiStore)) {
    ctx.next.oaiKey = key;
    return;
  }
  try {
    ctx.globalDiagnostics.push(...deps.syncOaiStore(records, config, rootDir, ctx.heldBack).diagnostics);
    ctx.next.oaiKey = key;
  } catch (error) {
    ctx.globalDiagnostics.push(internalError('build/oai-sync-failed', 'the OAI-PMH store could not be updated', error));
  }
}
