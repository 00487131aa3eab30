/**
 * TEI P5 for cables, following docs/tei-profile.md.
 *
 * - `encodeTei`   model → TEI (deterministic, pretty-printed, valid against tei_all and schemas/cable-tei.rng)
 * - `decodeTei`   TEI → model (hand-edited files included); decode(encode(m)) equals m
 * - `validateTei` hostile-input guard, well-formedness, namespace, project schema, rule checks
 * - `validateAndDecodeTei` both from one parse (validateTei's checks, and the model when they let one be read)
 * - `decodeCheckedTeiHeader` the model but its body, from the same tree, for bytes known to have passed validateTei
 *
 * Diagnostic codes (stable):
 *   input     tei/too-large, tei/invalid-utf8, tei/not-utf8, tei/doctype-forbidden, tei/too-deep, tei/not-well-formed, tei/wrong-namespace
 *   schema    tei/schema
 *   rules     tei/duplicate-id, tei/dangling-pointer, tei/date-interval (errors);
 *             tei/date-text-mismatch, tei/date-precision, tei/catalogue-date-disagreement,
 *             tei/missing-title, tei/missing-date, tei/missing-source, tei/missing-language,
 *             tei/missing-rights, tei/reading-text-changed, tei/truncated (warnings)
 *   decoding  tei/missing-body, tei/missing-id (errors); tei/unknown-element, tei/unknown-note-type,
 *             tei/stray-text, tei/speech-paragraphs, tei/note-without-id (warnings)
 *   bugs      tei/internal-error, tei/encoding-rejected (the encoder's output failed validation; not written)
 */
export { encodeTei, encodeTeiTree, type EncodeOptions } from './encode/encode-tei.js';
export { rejectionOfEncoding } from './encode/encode-checked.js';
export { teiSettingsOf, type TeiSettings } from './encode/tei-settings.js';
export { decodeTei, readEncodingWhen, type DecodeResult } from './decode/decode-tei.js';
export { parseRegisterTei } from './decode/decode-name-register.js';
export { validateTei, validateAndDecodeTei, decodeCheckedTeiHeader, type ValidateOptions } from './validate/validate-tei.js';
export { PROJECT_SCHEMA_URL } from './validate/project-schema.js';
export { DEFAULT_LIMITS, type InputLimits } from './xml/guard-input.js';
export { MAX_TEI_BYTES, reportTeiTooLarge, teiTextFromBytes } from './xml/tei-bytes.js';
export { TEI_NS } from './vocabulary.js';
