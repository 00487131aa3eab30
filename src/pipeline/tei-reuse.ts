import { teiFile } from '../edition/layout.js';
import { readFileBounded, readFileIfExists, sha256Hex, toPortableRelative } from '../fs/index.js';
import { newDocumentReport, type BuildContext } from './build-context.js';
import type { BuildState } from './build-state.js';
import type { DocumentReport } from './build-report.js';

/**
 * Skips a source page whose TEI is up to date: same source bytes and same key (tool, TEI
 * settings) as the last run, and the TEI file still holds what the build wrote. Such a page is
 * neither ingested nor encoded; its report replays what the last run said. Returns undefined
 * when the page must go through ingest and encoding.
 */
export function reuseTei(ctx: BuildContext, state: BuildState, sourceFile: string, sourceBytes: Buffer, key: string): DocumentReport | undefined {
  const { rootDir, config, force } = ctx.options;
  const sourcePath = toPortableRelative(rootDir, sourceFile);
  const memo = ctx.previous.sources.get(sourcePath);
  if (force === true || memo === undefined || memo.key !== key || ctx.byId.has(memo.id)) return undefined;
  if (memo.sourceSha256 !== sha256Hex(sourceBytes) || state.documents[memo.id]?.teiSha256 !== memo.teiSha256) return undefined;
  const tei = readFileIfExists(teiFile(config.teiDir, memo.id));
  if (tei === undefined || sha256Hex(tei) !== memo.teiSha256) return undefined;
  const teiPath = toPortableRelative(rootDir, teiFile(config.teiDir, memo.id));
  const report = newDocumentReport({ sourcePath, documentId: memo.id, teiPath, diagnostics: [...memo.diagnostics] });
  report.outputs.push({ path: teiPath, action: 'unchanged' });
  ctx.reports.push(report);
  ctx.byId.set(memo.id, report);
  ctx.next.sources.set(sourcePath, memo);
  return report;
}

/** Keeps what a page's ingest and encoding gave, when its TEI is now exactly what the build wrote. */
export function rememberTei(ctx: BuildContext, state: BuildState, report: DocumentReport, sourceBytes: Buffer, key: string): void {
  const id = report.documentId;
  if (id === null || report.sourcePath === null || ctx.byId.get(id) !== report) return;
  if (report.diagnostics.some((d) => d.severity === 'error')) return;
  if (!report.outputs.some((o) => o.path === report.teiPath && (o.action === 'written' || o.action === 'unchanged'))) return;
  const entry = state.documents[id];
  if (entry === undefined) return;
  ctx.next.sources.set(report.sourcePath, {
    sourceSha256: sha256Hex(sourceBytes),
    key,
    id,
    teiSha256: entry.teiSha256,
    diagnostics: [...report.diagnostics],
  });
}

/** A page's bytes for its checksum; undefined when it cannot be read or is over the size limit (ingest reports why). */
export function readSource(file: string, maxBytes: number | undefined): Buffer | undefined {
  try {
    const read = readFileBounded(file, maxBytes ?? Number.MAX_SAFE_INTEGER);
    return 'bytes' in read ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}
