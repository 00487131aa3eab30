import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cable } from '../model/cable.js';

/** A cable as decoded from its TEI file: the input of every derived format. */
export interface DecodedCable {
  cable: Cable;
  /** Path of the TEI file relative to the project root ('tei/<id>.xml'). */
  teiPath: string;
  /** sha256 of the TEI file's bytes: lets stages tell when a record changed. */
  teiSha256: string;
}

/** A file a stage wants written, relative to the output folder ('iiif/<id>/manifest.json'). */
export interface OutputFile {
  path: string;
  /** Text is written as UTF-8; bytes (page images) as they are. */
  content: string | Uint8Array;
}

/**
 * A derived format (IIIF, DC, site…): pure — it gets every decoded cable and returns files and
 * diagnostics; the build writes the files atomically and skips unchanged ones.
 */
export interface DerivedStage {
  name: string;
  derive(cables: readonly DecodedCable[], config: CablekitConfig): { files: OutputFile[]; diagnostics: Diagnostic[] };
}
