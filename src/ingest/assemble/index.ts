export { assembleCable, type AssembleInput } from './assemble-cable.js';
export { documentId } from './document-id.js';
export { idSlug } from './id-slug.js';
export { foldName } from './fold-name.js';
