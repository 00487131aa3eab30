import type { ErrorObject, ValidateFunction } from 'ajv';
import { collection, manifest } from './iiif-validator.generated.js';

export interface SchemaValidators {
  manifest: ValidateFunction;
  collection: ValidateFunction;
}

/**
 * One validator per top-level type, so errors name the right branch; compiled ahead by ajv from
 * schemas/iiif-presentation-3.schema.json (scripts/generate-validators.mjs): compiling the schema
 * cost every process and worker thread that derives a manifest about 0.2 s of CPU.
 */
const compiled: SchemaValidators = { manifest: manifest as unknown as ValidateFunction, collection: collection as unknown as ValidateFunction };

export function schemaValidators(): SchemaValidators {
  return compiled;
}

/** A one-line message for a schema error: where, what, and the offending property when known. */
export function describeSchemaError(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : error.keyword === 'enum' || error.keyword === 'const'
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (error.params as { allowedValue?: unknown }).allowedValue)})`
        : '';
  return `${at}: ${error.message ?? error.keyword}${extra}`;
}
