import { existsSync } from 'node:fs';
import { bookkeepingFiles } from '../edition/layout.js';
import { sha256Hex } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OaiRecordDraft } from './build-deps.js';

/**
 * Brings the OAI-PMH store in line with the records kept for every document. Skipped when no
 * document was redone or left, the store setting is the same and (for SQLite) its file is there:
 * its records would all be unchanged. A PostgreSQL database emptied behind cablekit's back is
 * refilled by `cablekit build --force`.
 */
export async function syncOai(ctx: BuildContext, changed: boolean): Promise<void> {
  const { deps, config, rootDir } = ctx.options;
  if (!deps.syncOaiStore) return;
  const records: { draft: OaiRecordDraft; file?: string }[] = [];
  for (const [stem, memo] of ctx.next.documents) {
    // A held-back document's record stays exactly as it is in the store.
    if (memo.oai === undefined || ctx.heldBack.has(stem)) continue;
    records.push({ draft: memo.oai as OaiRecordDraft, file: memo.teiPath });
  }
  const storeSpec = config.oai.store ?? 'sqlite';
  const key = sha256Hex(JSON.stringify([storeSpec, [...ctx.next.documents].map(([id, m]) => [id, m.teiSha256, m.key]), [...ctx.heldBack].sort()]));
  const storePresent = storeSpec !== 'sqlite' || existsSync(bookkeepingFiles(config.outputDir, rootDir).oaiDatabase);
  if (!changed && !ctx.options.force && ctx.previous.oaiKey === key && storePresent) {
    ctx.next.oaiKey = key;
    return;
  }
  try {
    const synced = await deps.syncOaiStore(records, config, rootDir, ctx.heldBack);
    ctx.globalDiagnostics.push(...synced.diagnostics);
    // Only a sync that went through lets the next run skip it.
    if (!synced.diagnostics.some((d) => d.severity === 'error')) ctx.next.oaiKey = key;
  } catch (error) {
    ctx.globalDiagnostics.push(internalError('build/oai-sync-failed', 'the OAI-PMH store could not be updated', error));
  }
}
