export { encodeTei, encodeTeiTree, type EncodeOptions } from './encode/encode-tei.js';
export { decodeTei, readEncodingWhen, type DecodeResult } from './decode/decode-tei.js';
export { DEFAULT_LIMITS, type InputLimits } from './xml/guard-input.js';
export { TEI_NS } from './vocabulary.js';
export { validateTei, type ValidateOptions } from './validate/validate-tei.js';
