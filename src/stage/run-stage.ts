import type { DerivedStage, StageContext, StageDocument, StageResult } from './stage.js';

/**
 * A stage over a whole corpus held in memory: every document, then the corpus step over the
 * summaries in id order. The pipeline does the same in a window; tests and benches use this.
 */
export function runStage<S>(stage: DerivedStage<S>, docs: readonly StageDocument[], ctx: StageContext): StageResult {
  const result: StageResult = { files: [], diagnostics: [] };
  const summaries: { id: string; summary: S }[] = [];
  for (const doc of docs) {
    const out = stage.document(doc, ctx);
    result.files.push(...out.files);
    result.diagnostics.push(...out.diagnostics);
    if (out.summary !== undefined) summaries.push({ id: doc.cable.id, summary: out.summary });
  }
  summaries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (stage.corpus) {
    const out = stage.corpus(
      summaries.map((s) => s.summary),
      ctx,
    );
    result.files.push(...out.files);
    result.diagnostics.push(...out.diagnostics);
  }
  if (stage.corpusParts) {
    const out = stage.corpusParts(
      summaries.map((s) => s.summary),
      ctx,
    );
    result.files.push(...out.parts.map((part) => ({ path: part.path, content: part.render() })));
    result.diagnostics.push(...out.diagnostics);
  }
  return result;
}
