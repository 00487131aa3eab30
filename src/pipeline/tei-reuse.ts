import { teiFile } from '../edition/layout.js';
import { fileStamp, readFileBounded, sha256Hex, toPortableRelative } from '../fs/index.js';
import { newDocumentReport, type BuildContext } from './build-context.js';
import type { BuildState } from './build-state.js';
import type { DocumentReport } from './build-report.js';

/**
 * Skips a source page whose TEI is up to date: same source bytes and same key (tool, TEI
 * settings) as the last run, and the TEI file still holds what the build wrote. Such a page is
 * neither ingested nor encoded; its report replays what the last run said. Returns undefined
 * when the page must go through ingest and encoding.
 */
export function reuseTei(ctx: BuildContext, state: BuildState, sourceFile: string, key: string): DocumentReport | undefined {
  const { rootDir, config, force, deps } = ctx.options;
  const sourcePath = toPortableRelative(rootDir, sourceFile);
  const memo = ctx.previous.sources.get(sourcePath);
  if (force === true || memo === undefined || memo.key !== key || ctx.byId.has(memo.id)) return undefined;
  if (state.documents[memo.id]?.teiSha256 !== memo.teiSha256) return undefined;
  const sourceStamp = fileStamp(sourceFile);
  const teiStamp = fileStamp(teiFile(config.teiDir, memo.id));
  if (!holds(sourceFile, sourceStamp, memo.sourceStamp, memo.sourceSha256, deps.maxPageBytes)) return undefined;
  if (!holds(teiFile(config.teiDir, memo.id), teiStamp, memo.teiStamp, memo.teiSha256, undefined)) return undefined;
  const teiPath = toPortableRelative(rootDir, teiFile(config.teiDir, memo.id));
  const report = newDocumentReport({ sourcePath, documentId: memo.id, teiPath, diagnostics: [...memo.diagnostics] });
  report.outputs.push({ path: teiPath, action: 'unchanged' });
  ctx.reports.push(report);
  ctx.byId.set(memo.id, report);
  // Checked by their bytes this time: stamp them so the next run need not read them.
  const restamp = (sourceStamp !== undefined && sourceStamp !== memo.sourceStamp) || (teiStamp !== undefined && teiStamp !== memo.teiStamp);
  ctx.next.sources.set(sourcePath, restamp ? { ...memo, ...(sourceStamp !== undefined ? { sourceStamp } : {}), ...(teiStamp !== undefined ? { teiStamp } : {}) } : memo);
  return report;
}

/** Keeps what a page's ingest and encoding gave, when its TEI is now exactly what the build wrote. */
export function rememberTei(ctx: BuildContext, state: BuildState, report: DocumentReport, sourceFile: string, key: string): void {
  const id = report.documentId;
  if (id === null || report.sourcePath === null || ctx.byId.get(id) !== report) return;
  if (report.diagnostics.some((d) => d.severity === 'error')) return;
  if (!report.outputs.some((o) => o.path === report.teiPath && (o.action === 'written' || o.action === 'unchanged'))) return;
  const entry = state.documents[id];
  if (entry === undefined) return;
  // The stamps are taken before the bytes are read: a file changed in between is read again next time.
  const sourceStamp = fileStamp(sourceFile);
  const tei = teiFile(ctx.options.config.teiDir, id);
  const teiStamp = fileStamp(tei);
  const sourceBytes = readSource(sourceFile, ctx.options.deps.maxPageBytes);
  if (sourceBytes === undefined) return;
  ctx.next.sources.set(report.sourcePath, {
    sourceSha256: sha256Hex(sourceBytes),
    ...(sourceStamp !== undefined ? { sourceStamp } : {}),
    ...(teiStamp !== undefined ? { teiStamp } : {}),
    key,
    id,
    teiSha256: entry.teiSha256,
    diagnostics: [...report.diagnostics],
  });
}

/** True when the file still has the recorded checksum: by its stamp when that is unchanged, else by its bytes. */
function holds(file: string, stamp: string | undefined, recorded: string | undefined, sha: string, maxBytes: number | undefined): boolean {
  if (stamp !== undefined && stamp === recorded) return true;
  const bytes = readSource(file, maxBytes);
  return bytes !== undefined && sha256Hex(bytes) === sha;
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
