export type { DecodedCable, StageDocument, OutputFile, StageResult, DocumentResult, StageContext, DerivedStage } from './stage.js';
export type { PageImage, AuthorityPlace } from './assets.js';
export { runStage } from './run-stage.js';
