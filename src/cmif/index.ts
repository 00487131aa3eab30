/** CMIF (Correspondence Metadata Interchange Format) of the edition: see docs/cmif.md. */
export { cmifStage } from './cmif-stage.js';
export { cmifLetterOf, type CmifLetter, type CmifParty, type CmifDate } from './cmif-letter.js';
export { writeCmif, editionUuid, lastEncoded, CMIF_LICENCE, type CmifSettings } from './write-cmif.js';
export { validateCmif, CMIF_SCHEMA_URL } from './validate-cmif.js';
