import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cable } from '../model/cable.js';
import type { DecodedCable, DerivedStage } from '../stage/index.js';
import type { TeiSettings } from '../tei/encode/tei-settings.js';

/**
 * The format modules the build drives. Passed in rather than imported so the pipeline can be
 * exercised with stand-ins, and so the pipeline depends on contracts, not implementations.
 */
export interface BuildDeps {
  ingest(bytes: Uint8Array, path: string): { cable?: Cable; diagnostics: Diagnostic[] };
  encodeTei(cable: Cable, settings: TeiSettings, options: { when: string }): string;
  decodeTei(xml: string, file?: string): { cable?: Cable; diagnostics: Diagnostic[] };
  stages: readonly DerivedStage[];
  /** Brings the OAI-PMH record store in line with the decoded corpus (after the derived stages). */
  syncOaiStore?(cables: readonly DecodedCable[], config: CablekitConfig, rootDir: string): { diagnostics: Diagnostic[] };
  /** Pages larger than this are reported and not read at all (a stray 10 GB file must not exhaust memory). */
  maxPageBytes?: number;
}
