import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../config/config.js';
import type { Cable } from '../model/cable.js';
import { encodeTei, validateTei } from '../tei/index.js';
import { encodeAndValidate, type TeiBenchShare } from './tei-bench-share.js';

/** One share of the TEI bench in a worker thread: the same work as in-process, on its own core. */
const { cablesJson, when } = workerData as { cablesJson: string; when: string };
const cables = JSON.parse(cablesJson) as Cable[];
const share: TeiBenchShare = encodeAndValidate(cables, (cable) => encodeTei(cable, DEFAULT_CONFIG, { when }), validateTei);
parentPort?.postMessage(share);
