import { parentPort, workerData } from 'node:worker_threads';
import type { Cable } from '../src/model/cable.js';
import type { TeiBenchShare } from './tei-bench-share.js';

/**
 * One share of the TEI bench in a worker thread: the same work as in-process, on its own core.
 * Protocol: read the input, say "ready"; on "go", load cablekit (module load, WebAssembly, schema
 * compile all count), encode and validate, say "done" with the counts; on "send", hand over the
 * documents. Only moving cables in and documents out stays outside the timed region: the
 * in-process run has no such cost, and jing's timing has none either.
 */
const { cablesJson, when } = workerData as { cablesJson: string; when: string };
const cables = JSON.parse(cablesJson) as Cable[];
let documents: string[] = [];
parentPort?.on('message', (message: string) => {
  if (message === 'go') {
    void (async () => {
      const [{ DEFAULT_CONFIG }, { encodeTei, validateTei }, { encodeAndValidate }] = await Promise.all([
        import('../src/config/config.js'),
        import('../src/tei/index.js'),
        import('./tei-bench-share.js'),
      ]);
      const share: TeiBenchShare = encodeAndValidate(cables, (cable) => encodeTei(cable, DEFAULT_CONFIG, { when }), validateTei);
      documents = share.documents;
      parentPort?.postMessage({ ...share, documents: [] });
    })();
  } else if (message === 'send') {
    parentPort?.postMessage(documents);
  }
});
parentPort?.postMessage('ready');
