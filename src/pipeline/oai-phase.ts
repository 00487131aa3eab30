import { sha256Hex } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OaiRecordDraft } from './build-deps.js';
import type { DocumentMemo } from './document-cache.js';

/** The records a sync is given: every document's, except those held back (their records stay as they are). */
function syncedRecords(documents: ReadonlyMap<string, DocumentMemo>, heldBack: ReadonlySet<string>): { draft: OaiRecordDraft; file?: string }[] {
  const records: { draft: OaiRecordDraft; file?: string }[] = [];
  for (const [stem, memo] of documents) {
    if (memo.oai === undefined || heldBack.has(stem)) continue;
    records.push({ draft: memo.oai as OaiRecordDraft, file: memo.teiPath });
  }
  return records;
}

/**
 * Brings the OAI-PMH store in line with the records kept for every document. The build records
 * the store's generation after each sync that went through (with the documents then held back);
 * the next sync hands that back with the records of that sync (this cache's previous documents),
 * so a store still at that generation is updated by looking up only the records that differ —
 * and not at all when nothing changed. A store written by anything else since (a new or migrated
 * store, another edition's build, a restored backup, a hand edit) has another generation and is
 * compared record by record; so is any store when the build cache is gone or `--force` is given.
 */
export async function syncOai(ctx: BuildContext, changed: boolean): Promise<void> {
  const { deps, config } = ctx.options;
  if (!deps.syncOaiStore) return;
  const records = syncedRecords(ctx.next.documents, ctx.heldBack);
  const storeSpec = config.oai.store ?? 'sqlite';
  const kept = [...ctx.heldBack].sort();
  const key = sha256Hex(JSON.stringify([storeSpec, [...ctx.next.documents].map(([id, m]) => [id, m.teiSha256, m.key]), kept]));
  const { previous } = ctx;
  const last =
    previous.oaiGeneration !== undefined && previous.oaiKey !== undefined
      ? {
          generation: previous.oaiGeneration,
          records: syncedRecords(previous.documents, new Set(previous.oaiKept)),
          kept: previous.oaiKept ?? [],
          unchanged: !changed && previous.oaiKey === key,
        }
      : undefined;
  try {
    const synced = await deps.syncOaiStore(records, config, ctx.options.rootDir, ctx.heldBack, last);
    ctx.globalDiagnostics.push(...synced.diagnostics);
    // Only a sync that went through is recorded: the next one then starts from it.
    if (!synced.diagnostics.some((d) => d.severity === 'error')) {
      ctx.next.oaiKey = key;
      if (synced.generation !== undefined) {
        ctx.next.oaiGeneration = synced.generation;
        ctx.next.oaiKept = kept;
      }
    }
  } catch (error) {
    ctx.globalDiagnostics.push(internalError('build/oai-sync-failed', 'the OAI-PMH store could not be updated', error));
  }
}
