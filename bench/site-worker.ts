/**
 * A worker thread of the site bench: renders its share of the documents as a build worker does
 * (each document's page and downloads from that document alone) and posts the files back to the
 * bench's own thread, which writes them, as the build's thread writes what its workers return.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../src/config/config.js';
import type { Cable } from '../src/model/cable.js';
import { tuneV8ForBatchWork } from '../src/runtime/v8-tuning.js';
import { deriveDocument, editionEntry, readSiteAssets, siteSettings, type EditionEntry } from '../src/site/index.js';
import { registerChicagoStyle } from '../src/site/citation/format-citation.js';

export interface SiteWorkerData {
  cables: Cable[];
  warmUp: number;
}

/** To the worker: render every document (with last run's entries, when given: their citations are kept). */
export interface RenderRequest {
  previous?: (EditionEntry | undefined)[];
}

/** From the worker: a batch of documents' files and entries, in the order of its cables; `done` on the last. */
export interface RenderBatch {
  files: { path: string; content: string }[];
  entries: EditionEntry[];
  done: boolean;
}

/** Documents per message: big enough that posting costs little, small enough that writing starts early. */
const BATCH = 25;

tuneV8ForBatchWork();
const data = workerData as SiteWorkerData;
const settings = siteSettings(DEFAULT_CONFIG);
registerChicagoStyle(readSiteAssets().chicagoCsl);
for (const cable of data.cables.slice(0, data.warmUp)) deriveDocument(cable, settings);
parentPort?.postMessage('ready');

parentPort?.on('message', (request: RenderRequest) => {
  let files: RenderBatch['files'] = [];
  let entries: EditionEntry[] = [];
  data.cables.forEach((cable, i) => {
    const out = deriveDocument(cable, settings, request.previous?.[i]);
    files.push(...out.files);
    entries.push(editionEntry(out));
    if (entries.length === BATCH || i === data.cables.length - 1) {
      parentPort?.postMessage({ files, entries, done: i === data.cables.length - 1 } satisfies RenderBatch);
      files = [];
      entries = [];
    }
  });
  if (data.cables.length === 0) parentPort?.postMessage({ files: [], entries: [], done: true } satisfies RenderBatch);
});
