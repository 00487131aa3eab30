import { teiFile } from '../edition/layout.js';
import { fileStamp, readFileBounded, sha256Hex, stampTrusted, toPortableRelative } from '../fs/index.js';
import type { BuildContext } from './build-context.js';
import type { BuildState } from './build-state.js';
import type { SourceMemo } from './document-cache.js';
import type { IngestedSource } from './tei-phase.js';

/**
 * Skips the encoding of a settled page whose TEI is up to date: same source bytes, same settled
 * id and same key (tool, TEI settings) as the last run, and the TEI file still holds what the
 * build wrote. Returns false when the page must be encoded (and its TEI written or protected).
 */
export function reuseTei(ctx: BuildContext, state: BuildState, ingested: IngestedSource, key: string): boolean {
  const { rootDir, config, force } = ctx.options;
  const { report } = ingested;
  if (force === true || report.sourcePath === null) return false;
  const memo = ctx.previous.sources.get(report.sourcePath);
  if (memo === undefined || memo.key !== key || memo.id !== ingested.id || memo.sourceSha256 !== ingested.sourceSha256 || ctx.byId.has(memo.id)) return false;
  if (state.documents[memo.id]?.teiSha256 !== memo.teiSha256) return false;
  const tei = teiFile(config.teiDir, memo.id);
  const teiStamp = fileStamp(tei);
  if (!stampTrusted(teiStamp, memo.teiStamp, ctx.previous.recordedAtNs) && !holdsBytes(tei, memo.teiSha256)) return false;
  const teiPath = toPortableRelative(rootDir, tei);
  report.documentId = memo.id;
  report.teiPath = teiPath;
  report.outputs.push({ path: teiPath, action: 'unchanged' });
  ctx.byId.set(memo.id, report);
  // Checked by its bytes this time: stamp it so the next run need not read it.
  const fresh = (teiStamp !== undefined && teiStamp !== memo.teiStamp) || ingested.sourceStamp !== memo.sourceStamp || memo.claimId === undefined;
  ctx.next.sources.set(report.sourcePath, fresh ? { ...memo, ...ingestMemo(ingested), ...(teiStamp !== undefined ? { teiStamp } : {}) } : memo);
  return true;
}

/** Keeps what a page's encoding gave, when its TEI is now exactly what the build wrote. */
export function rememberTei(ctx: BuildContext, state: BuildState, ingested: IngestedSource, key: string): void {
  const { report } = ingested;
  const id = report.documentId;
  if (id === null || report.sourcePath === null || ctx.byId.get(id) !== report) return;
  if (report.diagnostics.some((d) => d.severity === 'error')) return;
  if (!report.outputs.some((o) => o.path === report.teiPath && (o.action === 'written' || o.action === 'unchanged'))) return;
  const entry = state.documents[id];
  if (entry === undefined) return;
  const teiStamp = fileStamp(teiFile(ctx.options.config.teiDir, id));
  ctx.next.sources.set(report.sourcePath, {
    sourceSha256: ingested.sourceSha256,
    ...(teiStamp !== undefined ? { teiStamp } : {}),
    key,
    id,
    teiSha256: entry.teiSha256,
    diagnostics: [],
    ...ingestMemo(ingested),
  });
}

/** What lets the next run settle this page's id without reading it, while its stamp holds. */
function ingestMemo(ingested: IngestedSource): Pick<SourceMemo, 'sourceStamp' | 'claimId' | 'textSha256' | 'ingestDiagnostics'> {
  return {
    ...(ingested.sourceStamp !== undefined ? { sourceStamp: ingested.sourceStamp } : {}),
    claimId: ingested.claimId,
    textSha256: ingested.textSha256,
    ingestDiagnostics: ingested.ingestDiagnostics,
  };
}

function holdsBytes(file: string, sha: string): boolean {
  try {
    const read = readFileBounded(file, Number.MAX_SAFE_INTEGER);
    return 'bytes' in read && sha256Hex(read.bytes) === sha;
  } catch {
    return false;
  }
}
