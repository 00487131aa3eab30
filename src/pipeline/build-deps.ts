import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cable } from '../model/cable.js';
import type { NameRegister } from '../names/index.js';
import type { DecodedCable, DerivedStage } from '../stage/index.js';
import type { TeiSettings } from '../tei/encode/tei-settings.js';
import type { OutputAction } from './build-report.js';

/** A record as the OAI module makes it; the pipeline only keeps it and hands it back. */
/**
 * A document's OAI-PMH record without its datestamp, as the build sees it: its id and the hash of
 * everything a harvester receives tell one version from another; the rest is the store's business.
 */
export interface OaiRecordDraft {
  id: string;
  hash: string;
}

/**
 * A record handed to the sync: the whole draft (made this run), or its head and a way to load the
 * rest (a document kept from an earlier run: read only when the store must be written).
 */
export interface OaiRecordEntry {
  draft: OaiRecordDraft;
  file?: string;
  load?: () => OaiRecordDraft;
}

/**
 * The format modules the build drives. Passed in rather than imported so the pipeline can be
 * exercised with stand-ins, and so the pipeline depends on contracts, not implementations.
 */
export interface BuildDeps {
  /** `textSha256`: of the page's whitespace-normalised text (duplicates and id collisions); the bytes' checksum when absent. */
  ingest(bytes: Uint8Array, path: string, options?: { register?: NameRegister }): { cable?: Cable; diagnostics: Diagnostic[]; textSha256?: string };
  encodeTei(cable: Cable, settings: TeiSettings, options: { when: string }): string;
  /**
   * Errors the validator finds in a fresh encoding (empty when valid): a non-empty answer means the
   * TEI file is not written and the document fails. Optional so stand-ins can leave it out.
   * `findings`: what `validateTei` found in this XML, when the build already checked it.
   */
  rejectEncodedTei?(xml: string, file: string, findings?: readonly Diagnostic[]): Diagnostic[];
  decodeTei(xml: string, file?: string): { cable?: Cable; diagnostics: Diagnostic[]; encodedWhen?: string };
  /**
   * Checks a TEI file as `cablekit validate` does (project schema + rules). The build checks every
   * TEI it reads with it, so build and validate report the same findings about the same file.
   */
  validateTei?(xml: string, file?: string): Diagnostic[];
  stages: readonly DerivedStage[];
  /**
   * A document's OAI-PMH record without its datestamp, as plain JSON: the build keeps it with the
   * document's other summaries and hands all of them to `syncOaiStore`.
   */
  oaiRecordOf?(decoded: DecodedCable, config: CablekitConfig): OaiRecordDraft;
  /** Brings the OAI-PMH record store in line with the corpus's records (after the derived stages; the store may be a database server, hence asynchronous). */
  syncOaiStore?(
    records: readonly OaiRecordEntry[],
    config: CablekitConfig,
    rootDir: string,
    /** Documents held back this run (their TEI is invalid): their records stay exactly as they are. */
    kept: ReadonlySet<string>,
    /**
     * What the build recorded after its last sync that went through: the generation the store had
     * after it, the records and held-back documents of that sync, and whether nothing changed
     * since. The sync trusts it only while the store still has that generation.
     */
    last?: { generation: string; records: readonly OaiRecordEntry[]; kept: readonly string[]; unchanged?: boolean },
  ): Promise<{ diagnostics: Diagnostic[]; /** The store's generation after the sync, recorded for the next build. */ generation?: string }>;
  /**
   * After the OAI sync: the IIIF Change Discovery feed (src/discovery/) from the store's datestamps
   * and tombstones. Its files are reported with the corpus-wide outputs.
   */
  publishChanges?(config: CablekitConfig, rootDir: string): Promise<{ outputs: { path: string; action: OutputAction }[]; diagnostics: Diagnostic[] }>;
  /**
   * Where a worker thread finds these same deps (a module URL and the name of the function it
   * exports that returns them): with it, the build runs document work in a pool of workers.
   * Without it (stand-ins in tests), everything runs in the build's own thread.
   */
  worker?: { module: string; export: string };
  /** Pages larger than this are reported and not read at all (a stray 10 GB file must not exhaust memory). */
  maxPageBytes?: number;
}
