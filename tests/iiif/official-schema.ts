import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** The official IIIF Presentation 3 schema, vendored in schemas/official (see its README). */
export const OFFICIAL_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/official/iiif_3_0.json', import.meta.url));

let compiled: ValidateFunction | undefined;

/** Draft-07 with ajv's default class and strict: false, as the conformance notes prescribe. */
export function officialValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(OFFICIAL_SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

/** Problems the official schema finds, as short strings ([] when it accepts the document). */
export function officialErrors(json: unknown): string[] {
  const validate = officialValidator();
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
