import { sha256Hex, toPortableRelative, writeIfChanged } from '../fs/index.js';
import { editionLayout } from '../edition/layout.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecodedCable, OutputFile, StageContext, StageDocument } from '../stage/index.js';
import { reconcileOutputs } from './output-ledger.js';
import { internalError, type BuildContext } from './build-context.js';
import type { OutputRecord } from './build-report.js';
import { documentIdOfOutput, resolveOutputPath } from './output-path.js';
import { readPageImages, readPlaceEntries } from './read-assets.js';

/**
 * Runs every derived stage over the decoded cables, one document at a time, then each stage's
 * corpus step over the documents' summaries, and writes the files (only when changed). The
 * pipeline reads what stages need from disk (page images, the authority file) and hands it in.
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
  const attribute = (d: Diagnostic): void => attributeDiagnostic(ctx, d, byTeiPath, ids);

  const authority = readPlaceEntries(config.authorityFile);
  authority.diagnostics.forEach(attribute);
  const stageCtx: StageContext = { config, layout: editionLayout(config), places: authority.places };

  const write = (stageName: string, file: OutputFile): void => {
    const full = resolveOutputPath(config.outputDir, file.path);
    if (full === undefined) {
      ctx.globalDiagnostics.push({
        code: 'build/unsafe-output-path',
        severity: 'error',
        message: `the ${stageName} stage asked to write "${file.path}", outside the output folder; not written`,
      });
      return;
    }
    const path = toPortableRelative(rootDir, full);
    const owner = documentIdOfOutput(file.path, ids);
    const target = owner !== undefined ? ctx.byId.get(owner)?.outputs : collectionOutputs;
    const previous = claimed.get(path);
    if (previous !== undefined) {
      ctx.globalDiagnostics.push({
        code: 'build/output-collision',
        severity: 'error',
        message: `"${path}" is written by both the ${previous} and the ${stageName} stage; the first one is kept`,
      });
      return;
    }
    claimed.set(path, stageName);
    try {
      target?.push({ path, action: writeIfChanged(full, file.content) });
      produced.set(toPortableRelative(config.outputDir, full), sha256Hex(file.content));
    } catch (error) {
      complete = false;
      target?.push({ path, action: 'failed' });
      ctx.globalDiagnostics.push(internalError('build/write-failed', `could not write ${path}`, error, path));
    }
  };

  const summaries = deps.stages.map(() => [] as { id: string; summary: unknown }[]);
  const failedStages = new Set<number>();
  cables.forEach((decoded, index) => {
    let pageImages: StageDocument['pageImages'] = [];
    if (config.imagesDir !== undefined) {
      const found = readPageImages(config.imagesDir, decoded.cable.id);
      found.diagnostics.forEach(attribute);
      pageImages = found.images;
    }
    const doc: StageDocument = { ...decoded, pageImages };
    deps.stages.forEach((stage, s) => {
      let result: ReturnType<typeof stage.document>;
      try {
        result = stage.document(doc, stageCtx);
      } catch (error) {
        ctx.globalDiagnostics.push(internalError('build/stage-failed', `the ${stage.name} stage failed on ${decoded.cable.id}`, error, decoded.teiPath));
        failedStages.add(s);
        complete = false;
        return;
      }
      result.diagnostics.forEach(attribute);
      for (const file of result.files) write(stage.name, file);
      if (result.summary !== undefined) summaries[s]!.push({ id: decoded.cable.id, summary: result.summary });
    });
    onProgress?.({ phase: 'derive', done: index + 1, total: cables.length });
  });

  deps.stages.forEach((stage, s) => {
    // A corpus step over a partial set of summaries would drop documents from collections: skip it.
    if (!stage.corpus || failedStages.has(s)) return;
    const list = summaries[s]!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.summary);
    let result: ReturnType<NonNullable<typeof stage.corpus>>;
    try {
      result = stage.corpus(list, stageCtx);
    } catch (error) {
      ctx.globalDiagnostics.push(internalError('build/stage-failed', `the ${stage.name} stage failed on the corpus-wide files`, error));
      complete = false;
      return;
    }
    result.diagnostics.forEach(attribute);
    for (const file of result.files) write(stage.name, file);
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
