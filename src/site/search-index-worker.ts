import { parentPort } from 'node:worker_threads';
import { closePagefind, indexFolder } from './pagefind-run.js';

/**
 * A worker thread of the search index (search-index.ts): indexes one part's folder per message
 * with its own Pagefind service, so two parts are indexed at once on two cores. The service is
 * stopped after each part: the pool ends its workers without a word, and a service left running
 * would outlive them.
 */
parentPort?.on('message', (folder: string) => {
  void (async () => {
    let outcome;
    try {
      outcome = await indexFolder(folder);
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    } finally {
      await closePagefind().catch(() => undefined);
    }
    // Copied, not transferred: small files share Node's buffer pool, which cannot be handed over.
    parentPort?.postMessage(outcome);
  })();
});
