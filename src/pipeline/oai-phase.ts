import { sha256Hex } from '../fs/index.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OaiRecordDraft, OaiRecordEntry } from './build-deps.js';
import type { DocumentCache } from './document-cache.js';

/**
 * The records a sync is given: every document's, except those held back (their records stay as
 * they are). A record made this run is handed over whole; one kept from an earlier run as its head
 * (the memo's very object, so the sync tells it unchanged by identity), with a way to load the rest.
 */
function syncedRecords(cache: DocumentCache, heldBack: ReadonlySet<string>, load: (stem: string) => OaiRecordDraft): OaiRecordEntry[] {
  const records: OaiRecordEntry[] = [];
  for (const [stem, memo] of cache.documents) {
    if (memo.oai === undefined || heldBack.has(stem)) continue;
    const whole = cache.oaiDrafts.get(stem);
    records.push(whole !== undefined ? { draft: whole, file: memo.teiPath } : { draft: memo.oai, file: memo.teiPath, load: () => load(stem) });
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
export async function syncOai(ctx: BuildContext, changed: boolean, load: (stem: string) => OaiRecordDraft): Promise<void> {
  const { deps, config } = ctx.options;
  if (!deps.syncOaiStore) return;
  const records = syncedRecords(ctx.next, ctx.heldBack, load);
  const storeSpec = config.oai.store ?? 'sqlite';
  const kept = [...ctx.heldBack].sort();
  const key = sha256Hex(JSON.stringify([storeSpec, [...ctx.next.documents].map(([id, m]) => [id, m.teiSha256, m.key]), kept]));
  const { previous } = ctx;
  const last =
    previous.oaiGeneration !== undefined && previous.oaiKey !== undefined
      ? {
          generation: previous.oaiGeneration,
          records: syncedRecords(previous, new Set(previous.oaiKept), load),
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
