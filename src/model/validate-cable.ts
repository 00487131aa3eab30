import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { validate as firstErrorCheck } from './cable-validator-first-error.generated.js';
import { validate as everyErrorCheck } from './cable-validator-every-error.generated.js';

/**
 * schemas/cable.schema.json, compiled ahead by ajv (scripts/generate-validators.mjs): compiling it
 * cost every process and worker thread that ingests a page about 0.4 s of CPU. Every cable is
 * checked, and nearly all pass: the check stops at the first error, which is cheaper; only a cable
 * that failed is checked again for every error, for the report.
 */
const checker = firstErrorCheck as unknown as ValidateFunction;
const reporter = everyErrorCheck as unknown as ValidateFunction;

/** How many schema errors are listed before "…and N more": one bug tends to repeat everywhere. */
const MAX_LISTED = 10;

/**
 * Checks a cable against schemas/cable.schema.json. Ingest calls it on every cable it builds: a
 * failure is a cablekit bug (the model and the code disagree), reported as `ingest/model-invalid`.
 */
export function validateCable(cable: unknown, file?: string): Diagnostic[] {
  if (checker(cable)) return [];
  reporter(cable);
  const errors = reporter.errors ?? [];
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
