import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The folder of the project's own DC schemas (same relative place from src/ and dist/). */
export const DC_SCHEMA_DIR = fileURLToPath(new URL('../../schemas/dc/', import.meta.url));

let fsProvidersRegistered = false;
const validators = new Map<string, XsdValidator>();

/** Compiles an XSD file once per process; its imports resolve relative to it on disk. */
function validatorFor(schemaPath: string): XsdValidator {
  const absolute = resolve(schemaPath);
  const cached = validators.get(absolute);
  if (cached) return cached;
  if (!fsProvidersRegistered) {
    xmlRegisterFsInputProviders();
    fsProvidersRegistered = true;
  }
  const schemaDoc = XmlDocument.fromBuffer(new Uint8Array(readFileSync(absolute)), { url: absolute });
  try {
    const validator = XsdValidator.fromDoc(schemaDoc);
    validators.set(absolute, validator);
    return validator;
  } finally {
    schemaDoc.dispose();
  }
}

/**
 * Validates an XML string against an XSD in-process (libxml2 compiled to wasm) and returns the
 * problems as diagnostics with line and column; never throws for invalid input.
 */
export function validateWithXsd(xml: string, schemaPath: string, code: string, file?: string): Diagnostic[] {
  const at = (message: string, line?: number, column?: number): Diagnostic => {
    const d: Diagnostic = { code, severity: 'error', message: message.trim() };
    if (file !== undefined) d.file = file;
    if (line !== undefined && line > 0) d.line = line;
    if (column !== undefined && column > 0) d.column = column;
    return d;
  };
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (e) {
    if (e instanceof XmlParseError) return e.details.map((d) => at(d.message, d.line, d.col));
    return [at(`not well-formed XML: ${String(e)}`)];
  }
  try {
    validatorFor(schemaPath).validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => at(d.message, d.line, d.col));
    return [at(`validation failed: ${String(e)}`)];
  } finally {
    doc.dispose();
  }
}
