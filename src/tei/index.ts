export { encodeTei, encodeTeiTree, type EncodeOptions } from './encode/encode-tei.js';
export { TEI_NS } from './vocabulary.js';
