import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What happened to one file the build considered. */
export type OutputAction = 'written' | 'unchanged' | 'kept-hand-edit' | 'deleted' | 'failed';

export interface OutputRecord {
  /** '/'-separated, relative to the project root ('tei/x.xml', 'output/iiif/x/manifest.json'). */
  path: string;
  action: OutputAction;
}

export type DocumentStatus = 'ok' | 'warnings' | 'failed';

/** One document's line in the `--report` file. */
export interface DocumentReport {
  /** Source page relative to the project root; null for a TEI file without a source. */
  sourcePath: string | null;
  /** Null when ingest could not make a cable of the page. */
  documentId: string | null;
  teiPath: string | null;
  status: DocumentStatus;
  diagnostics: Diagnostic[];
  outputs: OutputRecord[];
}

export interface BuildSummary {
  documents: number;
  failed: number;
  warnings: number;
  errors: number;
  written: number;
  unchanged: number;
  conflicts: number;
  /** Outputs of an earlier build that no stage produces any more, removed. */
  removed: number;
  seconds: number;
}

export interface BuildReport {
  tool: string;
  toolVersion: string;
  /** When the build ran (ISO 8601, UTC). */
  startedAt: string;
  summary: BuildSummary;
  /** Worker threads that did document work this run (0: the build's own thread did it all). */
  workers: number;
  documents: DocumentReport[];
  /** Files not tied to one document (collections, indexes, the build state). */
  collectionOutputs: OutputRecord[];
  /** Diagnostics not tied to one document (config, stages as a whole). */
  diagnostics: Diagnostic[];
}

export function statusOf(diagnostics: readonly Diagnostic[]): DocumentStatus {
  if (diagnostics.some((d) => d.severity === 'error')) return 'failed';
  if (diagnostics.some((d) => d.severity === 'warning')) return 'warnings';
  return 'ok';
}

/** Counts for the summary line, over documents and collection-level files alike. */
export function summarise(
  documents: readonly DocumentReport[],
  collectionOutputs: readonly OutputRecord[],
  globalDiagnostics: readonly Diagnostic[],
  seconds: number,
  /** Unchanged outputs counted but not listed in the reports. */
  unlistedUnchanged = 0,
): BuildSummary {
  const allDiagnostics = [...documents.flatMap((d) => d.diagnostics), ...globalDiagnostics];
  const allOutputs = [...documents.flatMap((d) => d.outputs), ...collectionOutputs];
  const count = (action: OutputAction): number => allOutputs.filter((o) => o.action === action).length;
  return {
    documents: documents.length,
    failed: documents.filter((d) => d.status === 'failed').length,
    warnings: allDiagnostics.filter((d) => d.severity === 'warning').length,
    errors: allDiagnostics.filter((d) => d.severity === 'error').length,
    written: count('written'),
    unchanged: count('unchanged') + unlistedUnchanged,
    conflicts: count('kept-hand-edit'),
    removed: count('deleted'),
    seconds,
  };
}

/** The one honest line at the end of a build. */
export function formatSummaryLine(s: BuildSummary): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Built ${plural(s.documents, 'document')} (${plural(s.warnings, 'warning')}, ${plural(s.errors, 'error')})` +
    ` — wrote ${plural(s.written, 'file')}, ${s.unchanged} unchanged, ${plural(s.conflicts, 'conflict')}` +
    (s.removed > 0 ? `, removed ${plural(s.removed, 'stale file')}` : '') +
    ` — in ${s.seconds.toFixed(2)} s`
  );
}
