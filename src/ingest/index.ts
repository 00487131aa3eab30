export { ingestBytes, ingestText, type IngestOptions, type IngestResult } from './ingest.js';
export { MAX_PAGE_BYTES } from './input/limits.js';
export { isFieldLabel, isChrome, matchFunderLine } from './page/index.js';
