export { identify } from './identify.js';
export { listMetadataFormats } from './list-metadata-formats.js';
export { listSets } from './list-sets.js';
export { getRecord } from './get-record.js';
export { listRecords } from './list-records.js';
export type { VerbResult } from './verb-result.js';
