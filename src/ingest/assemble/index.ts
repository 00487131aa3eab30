export { assembleCable, type AssembleInput } from './assemble-cable.js';
export { documentId } from './document-id.js';
export { slugify, foldName } from './slugify.js';
