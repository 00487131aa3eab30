import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The schema file sits two folders up both from src/model (tests) and dist/model (built), so one
 * relative URL serves both.
 */
const SCHEMA_URL = new URL('../../schemas/cable.schema.json', import.meta.url);
let schema: object | undefined;
let firstError: ValidateFunction | undefined;
let everyError: ValidateFunction | undefined;

function compile(allErrors: boolean): ValidateFunction {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return new Ajv2020({ allErrors, strict: true, discriminator: true }).compile(schema);
}

/**
 * Every cable is checked, and nearly all pass: the check stops at the first error, which is
 * cheaper. Compiled once, on first use.
 */
function checker(): ValidateFunction {
  return (firstError ??= compile(false));
}

/** Only for a cable that failed: run again collecting every error, for the report. */
function reporter(): ValidateFunction {
  return (everyError ??= compile(true));
}

/** How many schema errors are listed before "…and N more": one bug tends to repeat everywhere. */
const MAX_LISTED = 10;

/**
 * Checks a cable against schemas/cable.schema.json. Ingest calls it on every cable it builds: a
 * failure is a cablekit bug (the model and the code disagree), reported as `ingest/model-invalid`.
 */
export function validateCable(cable: unknown, file?: string): Diagnostic[] {
  if (checker()(cable)) return [];
  const validate = reporter();
  validate(cable);
  const errors = validate.errors ?? [];
  return errors.slice(0, MAX_LISTED).map((e, i) => {
    const d: Diagnostic = {
      code: 'ingest/model-invalid',
      severity: 'error',
      message: `The cable does not match the model schema at "${e.instancePath || '/'}": ${e.message ?? 'invalid'}${i === MAX_LISTED - 1 && errors.length > MAX_LISTED ? ` (and ${errors.length - MAX_LISTED} more)` : ''}.`,
      hint: 'This is a cablekit bug; please report it with the page.',
    };
    if (file !== undefined) d.file = file;
    return d;
  });
}
