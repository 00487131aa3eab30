/**
 * Errors and warnings are values, gathered along the pipeline and never thrown through it.
 * `code` is stable (documented in docs/diagnostics.md); messages may improve over time.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable, namespaced by stage: "ingest/empty-file", "tei/dangling-pointer", "iiif/empty-manifest". */
  code: string;
  severity: Severity;
  /** What is wrong, in one sentence a person can act on. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export interface Position {
  file?: string;
  line?: number;
  column?: number;
}

/** Collects diagnostics for one file so each stage can report without repeating the file name. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  constructor(readonly file?: string) {}

  add(severity: Severity, code: string, message: string, at: Omit<Position, 'file'> & { hint?: string } = {}): void {
    const d: Diagnostic = { code, severity, message };
    if (at.hint !== undefined) d.hint = at.hint;
    if (this.file !== undefined) d.file = this.file;
    if (at.line !== undefined) d.line = at.line;
    if (at.column !== undefined) d.column = at.column;
    this.items.push(d);
  }

  error(code: string, message: string, at?: Omit<Position, 'file'> & { hint?: string }): void {
    this.add('error', code, message, at);
  }

  warn(code: string, message: string, at?: Omit<Position, 'file'> & { hint?: string }): void {
    this.add('warning', code, message, at);
  }

  info(code: string, message: string, at?: Omit<Position, 'file'> & { hint?: string }): void {
    this.add('info', code, message, at);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** "file:line:col severity code message" — the compiler-style line editors can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file ?? '-', d.line, d.column].filter((x) => x !== undefined).join(':');
  return `${where} ${d.severity} ${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}
