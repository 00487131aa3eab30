import { sha256Hex, toPortableRelative, writeIfChanged } from '../fs/index.js';
import { reconcileOutputs } from './output-ledger.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OutputRecord } from './build-report.js';
import { documentIdOfOutput, resolveOutputPath } from './output-path.js';
import type { DecodedCable } from './stage.js';

/**
 * Runs every derived stage over the decoded cables and writes their files (only when changed).
 * A failing stage is reported and the others still run. Files of an earlier build that no stage
 * produces any more are removed (see output-ledger.ts). Returns the files not tied to one document.
 */
export function deriveOutputs(ctx: BuildContext, cables: readonly DecodedCable[]): OutputRecord[] {
  const { config, rootDir, deps, onProgress } = ctx.options;
  const collectionOutputs: OutputRecord[] = [];
  /** What was produced (path in the output folder → sha256), and whether every stage ran to the end. */
  const produced = new Map<string, string>();
  let complete = true;
  const ids = new Set(ctx.byId.keys());
  const claimed = new Map<string, string>();
  const byTeiPath = new Map(cables.map((c) => [c.teiPath, c.cable.id] as const));

  deps.stages.forEach((stage, index) => {
    let result: ReturnType<typeof stage.derive>;
    try {
      result = stage.derive(cables, config);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/stage-failed', `the ${stage.name} stage failed`, error));
      complete = false;
      return;
    }
    for (const d of result.diagnostics) attributeDiagnostic(ctx, d, byTeiPath, ids);
    for (const file of result.files) {
      const full = resolveOutputPath(config.outputDir, file.path);
      if (full === undefined) {
        ctx.globalDiagnostics.push({
          code: 'build/unsafe-output-path',
          severity: 'error',
          message: `the ${stage.name} stage asked to write "${file.path}", outside the output folder; not written`,
        });
        continue;
      }
      const path = toPortableRelative(rootDir, full);
      const owner = documentIdOfOutput(file.path, ids);
      const target = owner !== undefined ? ctx.byId.get(owner)?.outputs : collectionOutputs;
      const previous = claimed.get(path);
      if (previous !== undefined) {
        ctx.globalDiagnostics.push({
          code: 'build/output-collision',
          severity: 'error',
          message: `"${path}" is written by both the ${previous} and the ${stage.name} stage; the first one is kept`,
        });
        continue;
      }
      claimed.set(path, stage.name);
      try {
        target?.push({ path, action: writeIfChanged(full, file.content) });
        produced.set(toPortableRelative(config.outputDir, full), sha256Hex(file.content));
      } catch (error) {
        complete = false;
        target?.push({ path, action: 'failed' });
        ctx.globalDiagnostics.push(internalError('build/write-failed', `could not write ${path}`, error, path));
      }
    }
    onProgress?.({ phase: 'derive', done: index + 1, total: deps.stages.length });
  });
  collectionOutputs.push(...reconcileOutputs(ctx, produced, complete));
  return collectionOutputs;
}

/** Stage diagnostics about one document (named by its TEI path or its id) go to its report; others are global. */
function attributeDiagnostic(
  ctx: BuildContext,
  d: Diagnostic,
  byTeiPath: ReadonlyMap<string, string>,
  ids: ReadonlySet<string>,
): void {
  const id = d.file === undefined ? undefined : (byTeiPath.get(d.file) ?? documentIdOfOutput(d.file, ids));
  const report = id !== undefined ? ctx.byId.get(id) : undefined;
  (report ? report.diagnostics : ctx.globalDiagnostics).push(d);
}
