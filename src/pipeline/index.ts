export { derivedStages } from './derived-stages.js';
export type { BuildDeps } from './build-deps.js';
export type { BuildOptions, BuildProgress, BuildPhase } from './build-context.js';
export { runBuild } from './run-build.js';
export { revisionTimestamp } from './build-clock.js';
export { planTeiWrite, recordedWhenOf, type TeiPlan, type TeiPlanInput } from './plan-tei-write.js';
export {
  STATE_FILE_NAME,
  emptyBuildState,
  parseBuildState,
  serializeBuildState,
  type BuildState,
  type TeiStateEntry,
} from './build-state.js';
export {
  formatSummaryLine,
  statusOf,
  summarise,
  type BuildReport,
  type BuildSummary,
  type DocumentReport,
  type DocumentStatus,
  type OutputAction,
  type OutputRecord,
} from './build-report.js';
export { resolveOutputPath, documentIdOfOutput } from './output-path.js';
export { readPageImages, readPlaceEntries, readPlaceAuthority, SHIPPED_PLACE_AUTHORITY } from './read-assets.js';
export { outputLedgerPath, readOutputLedger, staleOutputs, type OutputLedger } from './output-ledger.js';
export { deriveInMemory } from './derive-in-memory.js';
export { currentDocumentKeys } from './build-keys.js';
export { readKeptTeiVerdicts, type KeptTeiVerdict } from './document-cache-db.js';
