import { readFileSync } from 'node:fs';
import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';

/** The project's own RELAX NG schema for the cable TEI profile, shipped in `schemas/`. */
export const PROJECT_SCHEMA_URL = new URL('../../../schemas/cable-tei.rng', import.meta.url);

let compiled: RelaxNGValidator | undefined;

/**
 * Compiled once per process and kept: compiling costs far more than validating one cable. The
 * schema is the project's own file, read once; validation itself touches no file.
 */
export function projectSchemaValidator(): RelaxNGValidator {
  if (compiled === undefined) {
    const schemaDoc = XmlDocument.fromString(readFileSync(PROJECT_SCHEMA_URL, 'utf8'));
    try {
      compiled = RelaxNGValidator.fromDoc(schemaDoc);
    } finally {
      schemaDoc.dispose();
    }
  }
  return compiled;
}
