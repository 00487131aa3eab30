import { summaryDigest } from './summary-digest.js';
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
      summaries.map((s) => summaryDigest(s.summary)),
    );
    result.diagnostics.push(...out.diagnostics);
    for (const part of out.parts) {
      const rendered = part.render();
      result.files.push({ path: part.path, content: rendered.content });
      result.diagnostics.push(...rendered.diagnostics);
    }
  }
  return result;
}
