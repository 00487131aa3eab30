export type { DecodedCable, StageDocument, OutputFile, StageResult, DocumentResult, StageContext, DerivedStage, CorpusPart, CorpusPartsResult } from './stage.js';
export type { PageImage, AuthorityPlace } from './assets.js';
export { runStage } from './run-stage.js';
export { digestsKey, summaryDigest } from './summary-digest.js';
