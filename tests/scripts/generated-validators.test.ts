import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the generator is a plain script (scripts/*.mjs), without type declarations
import { generatedPath, TARGETS, validatorSource } from '../../scripts/generate-validators.mjs';

interface Target {
  file: string;
  schema: string;
}

describe('the schema checks compiled ahead (scripts/generate-validators.mjs)', () => {
  for (const target of TARGETS as Target[]) {
    it(`${target.file} is what the generator makes from ${target.schema} and ajv as they are now (run npm run generate:validators when not)`, () => {
      const path = (generatedPath as (t: Target) => string)(target);
      expect(readFileSync(path, 'utf8')).toBe((validatorSource as (t: Target) => string)(target));
    });
  }
});
