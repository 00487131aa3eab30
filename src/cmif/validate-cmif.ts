import { readFileSync } from 'node:fs';
import { RelaxNGValidator, XmlDocument, XmlParseError, XmlValidateError } from 'libxml2-wasm';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** cablekit's own schema for the CMIF file (schemas/cmif.rng, shipped with the package). */
export const CMIF_SCHEMA_URL = new URL('../../schemas/cmif.rng', import.meta.url);

let compiled: RelaxNGValidator | undefined;

/** Compiled once per process: the schema is the package's own file; validation reads no file. */
function cmifValidator(): RelaxNGValidator {
  if (compiled === undefined) {
    const schemaDoc = XmlDocument.fromString(readFileSync(CMIF_SCHEMA_URL, 'utf8'));
    try {
      compiled = RelaxNGValidator.fromDoc(schemaDoc);
    } finally {
      schemaDoc.dispose();
    }
  }
  return compiled;
}

/** Problems of a CMIF file against schemas/cmif.rng (`cmif/invalid`, with line and column); [] when valid. */
export function validateCmif(xml: string, file?: string): Diagnostic[] {
  const at = (message: string, line?: number, column?: number): Diagnostic => ({
    code: 'cmif/invalid',
    severity: 'error',
    message: `the CMIF file breaks schemas/cmif.rng: ${message.trim()}`,
    hint: 'this is a cablekit bug (the CMIF writer made a file its own schema rejects); please report it',
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined && line > 0 ? { line } : {}),
    ...(column !== undefined && column > 0 ? { column } : {}),
  });
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (e) {
    if (e instanceof XmlParseError) return e.details.map((d) => at(d.message, d.line, d.col));
    return [at(`not well-formed XML: ${String(e)}`)];
  }
  try {
    cmifValidator().validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => at(d.message, d.line, d.col));
    return [at(`validation failed: ${String(e)}`)];
  } finally {
    doc.dispose();
  }
}
