export type { DcFields, DcDate, DcPlace } from './dc-fields.js';
export { cableToDcFields, EDITION_FORMAT, originalLanguageRelation, isUri, isLanguageTag } from './crosswalk.js';
export { toOaiDc, oaiDcFromFields, OAI_DC_NAMESPACE, DC_NAMESPACE, OAI_DC_SCHEMA } from './to-oai-dc.js';
export { toQualifiedDc, qualifiedDcFromFields, QDC_NAMESPACE, DCTERMS_NAMESPACE } from './to-qualified-dc.js';
export { validateDc, type DcKind } from './validate-dc.js';
export { validateWithXsd, DC_SCHEMA_DIR } from './xsd-validator.js';
export { dcStage } from './dc-stage.js';
export { escapeXmlText, escapeXmlAttr, stripXmlProlog, stripNonXmlChars } from './xml-text.js';
export { toW3cdtf } from './w3cdtf.js';
