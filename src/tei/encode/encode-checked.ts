import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { validateTei } from '../validate/validate-tei.js';

/**
 * "Never write what you would reject": the errors the validator finds in a fresh encoding, each
 * re-coded under one summary error, or none. A non-empty answer means the file must not be written.
 * `findings`: what validateTei already found in this very XML, so it is not checked twice.
 */
export function rejectionOfEncoding(xml: string, file?: string, findings: readonly Diagnostic[] = validateTei(xml, file)): Diagnostic[] {
  const errors = findings.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const summary: Diagnostic = {
    code: 'tei/encoding-rejected',
    severity: 'error',
    message: `cablekit's own encoding of this document fails validation (${errors.length} error${errors.length > 1 ? 's' : ''}); the TEI file was not written`,
    hint: 'This is a cablekit bug; please report it with the source page. The errors follow.',
  };
  if (file !== undefined) summary.file = file;
  return [summary, ...errors];
}
