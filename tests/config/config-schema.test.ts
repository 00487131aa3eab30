import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

/**
 * `loadConfig` compiles the config schema without checking it against JSON Schema's meta-schema
 * (that cost every command about 50 ms): the check is here instead.
 */
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

describe('schemas/cablekit.config.schema.json', () => {
  it('is a valid JSON Schema (draft-07 meta-schema, the one ajv applies by default)', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/cablekit.config.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    // And a schema that breaks the meta-schema is caught by the same check.
    expect(ajv.validateSchema({ type: 'objekt' })).toBe(false);
  });
});
