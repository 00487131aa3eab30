export { assembleCable, type AssembleInput } from './assemble-cable.js';
export { documentId } from './document-id.js';
export { idSlug } from './id-slug.js';
export { foldName } from './fold-name.js';
export { settleIds, COLLISION_ID_REASON, type IdClaim, type IdSettlement } from './settle-ids.js';
export { WEAK_ID_REASON, CONTENT_SUFFIX_LENGTH } from './document-id.js';
