import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its callable sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** cablekit's own schema for what it writes (schemas/ at the package root, from src/ or dist/). */
export const IIIF_SCHEMA_URL = new URL('../../../schemas/iiif-presentation-3.schema.json', import.meta.url);

export interface SchemaValidators {
  manifest: ValidateFunction;
  collection: ValidateFunction;
}

let compiled: SchemaValidators | undefined;

/** Compiled once per process: one validator per top-level type, so errors name the right branch. */
export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(IIIF_SCHEMA_URL, 'utf8')) as { $id: string };
  const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const get = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`${schema.$id}#/definitions/${name}`);
    if (!validate) throw new Error(`schemas/iiif-presentation-3.schema.json has no definition "${name}"`);
    return validate;
  };
  compiled = { manifest: get('manifest'), collection: get('collection') };
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
