import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface PrintOptions {
  /** Also print 'info' diagnostics. */
  verbose?: boolean;
  /** Print errors only (the summary still counts the warnings). */
  quiet?: boolean;
}

/** Prints diagnostics compiler-style, one per line, on stderr so stdout stays clean for data. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], options: PrintOptions = {}): void {
  for (const d of diagnostics) {
    if (d.severity === 'info' && !options.verbose) continue;
    if (d.severity !== 'error' && options.quiet) continue;
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  }
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
