export { ingestBytes, ingestText, type IngestOptions, type IngestResult } from './ingest.js';
export { MAX_PAGE_BYTES } from './input/limits.js';
export { isFieldLabel, isChrome, matchFunderLine } from './page/index.js';
export { settleIds, COLLISION_ID_REASON, type IdClaim, type IdSettlement } from './assemble/settle-ids.js';
