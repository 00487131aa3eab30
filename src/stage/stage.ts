import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionLayout } from '../edition/layout.js';
import type { Cable } from '../model/cable.js';
import type { AuthorityPlace, PageImage } from './assets.js';

/** A cable as decoded from its TEI file: the input of every derived format. */
export interface DecodedCable {
  cable: Cable;
  /** Path of the TEI file relative to the project root ('tei/<id>.xml'). */
  teiPath: string;
  /** sha256 of the TEI file's bytes: lets stages tell when a record changed. */
  teiSha256: string;
  /** When cablekit last encoded the TEI file (revisionDesc), if it did: a clock-free "last updated". */
  encodedWhen?: string;
}

/** One document as a stage receives it: the decoded TEI plus what the pipeline read for it from disk. */
export interface StageDocument extends DecodedCable {
  /** The document's page images (`imagesDir/<id>/`), in page order; empty when there are none. */
  pageImages: readonly PageImage[];
  /**
   * The summary this stage gave for this document in the build's last run, when the build kept
   * one (plain JSON, not necessarily of this version's shape): a stage may reuse costly parts of
   * it whose inputs it can show are unchanged (the site reuses rendered citations by key). The
   * outputs must be the same bytes as without it.
   */
  previousSummary?: unknown;
}

/** A file a stage wants written, relative to the output folder ('iiif/<id>/manifest.json'). */
export interface OutputFile {
  path: string;
  /** Text is written as UTF-8; bytes (page images) as they are. */
  content: string | Uint8Array;
}

export interface StageResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/** What one document gives a stage: its own files, and a small summary for the corpus-wide files. */
export interface DocumentResult<Summary> extends StageResult {
  /** Plain JSON (the pipeline may keep it between runs); absent when the corpus step needs nothing. */
  summary?: Summary;
}

/** Everything a stage may know besides the document: settings, layout, and corpus-wide assets read by the pipeline. */
export interface StageContext {
  config: CablekitConfig;
  layout: EditionLayout;
  /** Entries of the place authority file (the shipped one unless `authorityFile` is set). */
  places: readonly AuthorityPlace[];
}

/**
 * A derived format (IIIF, DC, a reading site, deposit packages, discovery feeds…). Pure: no disk,
 * no clock. `document` sees one document at a time and may only emit that document's files;
 * `corpus` makes the corpus-wide files (collections, indexes, feeds) from the summaries alone, so
 * the pipeline never has to hold every decoded cable at once and can skip unchanged documents.
 * The pipeline writes the files atomically, skips unchanged ones and removes stale ones.
 */
export interface DerivedStage<Summary = unknown> {
  name: string;
  document(doc: StageDocument, ctx: StageContext): DocumentResult<Summary>;
  /** Summaries arrive sorted by document id, one per document that gave one. */
  corpus?(summaries: readonly Summary[], ctx: StageContext): StageResult;
  /**
   * Instead of `corpus`, for a stage with many corpus-wide files each made from a few documents
   * (a site's browse pages): the files named by what they are made from and rendered on request.
   * The pipeline renders only the files whose key changed since it last wrote them (or that are
   * missing) and keeps the rest, so one changed document costs the files that show it.
   * `digests[i]` is a digest of `summaries[i]`, taken when the document was derived: keys made
   * from them cost no serializing of the summaries.
   */
  corpusParts?(summaries: readonly Summary[], ctx: StageContext, digests: readonly string[]): CorpusPartsResult;
}

/** A corpus-wide file with the key of its inputs (settings and tool aside: the pipeline adds those). */
export interface CorpusPart {
  path: string;
  key: string;
  /** The file, and what checking it found (a kept file's findings are kept with it). */
  render(): { content: string; diagnostics: Diagnostic[] };
}

export interface CorpusPartsResult {
  parts: CorpusPart[];
  diagnostics: Diagnostic[];
}
