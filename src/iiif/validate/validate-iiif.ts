import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { objectsOf } from './json-walk.js';
import { lintEmptyManifest } from './lint-empty-manifest.js';
import { lintHtml } from './lint-html.js';
import { lintIds } from './lint-ids.js';
import { lintLanguageTags } from './lint-language-tags.js';
import { lintMotivations } from './lint-motivations.js';
import type { LintRule } from './lint-rule.js';
import { lintRights } from './lint-rights.js';
import { lintTargets } from './lint-targets.js';
import { describeSchemaError, schemaValidators } from './schema-validator.js';

export const LINT_RULES: readonly LintRule[] = [lintEmptyManifest, lintMotivations, lintIds, lintTargets, lintLanguageTags, lintHtml, lintRights];

/**
 * Checks a IIIF Manifest or Collection against cablekit's schema (schemas/iiif-presentation-3.schema.json)
 * and the lint rules the schema cannot express. Returns every problem; never throws.
 */
export function validateIiif(json: unknown, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: string, message: string, hint?: string): void => {
    const d: Diagnostic = { code, severity: 'error', message };
    if (hint !== undefined) d.hint = hint;
    if (file !== undefined) d.file = file;
    out.push(d);
  };
  const type = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { type?: unknown }).type : undefined;
  const validators = schemaValidators();
  const validate = type === 'Manifest' ? validators.manifest : type === 'Collection' ? validators.collection : undefined;
  if (validate === undefined) {
    add('iiif/unknown-type', `expected a IIIF Manifest or Collection, found ${JSON.stringify(type ?? null)} as type`);
    return out;
  }
  if (!validate(json)) {
    for (const error of validate.errors ?? []) add('iiif/schema', describeSchemaError(error));
  }
  const objects = objectsOf(json);
  for (const rule of LINT_RULES) {
    for (const finding of rule(objects)) add(finding.code, `${finding.message} (at ${finding.pointer})`, finding.hint);
  }
  return out;
}
