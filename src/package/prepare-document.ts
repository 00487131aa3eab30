import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeCheckedTeiHeader, validateAndDecodeTei } from '../tei/index.js';
import type { DerivedRecords, PackageDocument } from './package-input.js';
import { latestRevision } from './revision-time.js';

/** Errors only the decoder reports: the file passed the checks, but no model can be read from it. */
const DECODING_ERRORS = new Set(['tei/missing-body', 'tei/missing-id']);

export interface RawDocument {
  /** Where the TEI was read, for diagnostics ('tei/x.xml'). */
  teiPath: string;
  tei: Uint8Array;
  /**
   * The build validated exactly these bytes and found no error (its cache says so, by checksum):
   * they are decoded without being checked again. Otherwise they are checked in full.
   */
  checkedByBuild?: boolean;
  /** Reads a derived record of the decoded document, or undefined when the build has not written it. */
  derived: (id: string) => { records?: DerivedRecords; missing: string[] };
  /** Reads the source page named in the TEI, or undefined when it is not in the sources folder. */
  source: (path: string) => { fileName: string; bytes: Uint8Array } | undefined;
}

/**
 * A TEI file made ready to package, or the reasons it is not: it must pass validation (an invalid
 * TEI is never packaged; bytes the build found valid are not checked twice), decode, carry a
 * revision time, and have its derived records.
 */
export function prepareDocument(raw: RawDocument): { doc?: PackageDocument; diagnostics: Diagnostic[] } {
  const text = Buffer.from(raw.tei).toString('utf8');
  // One parse serves both the checks and the model: packaging reads every TEI file of the edition.
  const checked = raw.checkedByBuild === true ? decodeCheckedTeiHeader(text, raw.teiPath) : validateAndDecodeTei(text, raw.teiPath);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const undecodable = errors.every((d) => DECODING_ERRORS.has(d.code));
    return { diagnostics: [...errors, undecodable ? notPackaged(raw.teiPath, 'its TEI cannot be decoded', 'Correct the TEI, then package again.') : notPackaged(raw.teiPath, 'its TEI is not valid (see above)', 'Correct the TEI, then package again.')] };
  }
  const cable = checked.cable;
  if (!cable) return { diagnostics: [notPackaged(raw.teiPath, 'its TEI cannot be decoded', 'Correct the TEI, then package again.')] };
  const revisedAt = latestRevision(text);
  if (revisedAt === undefined) {
    return { diagnostics: [notPackaged(raw.teiPath, 'its revisionDesc has no change with a date or time in @when, which the packages take their time from', 'Add a dated change to the revisionDesc.')] };
  }
  const derived = raw.derived(cable.id);
  if (!derived.records) {
    return { diagnostics: [notPackaged(raw.teiPath, `the build has not written ${derived.missing.join(', ')}`, 'Run cablekit build first.')] };
  }
  const diagnostics: Diagnostic[] = [];
  const source = raw.source(cable.source.path);
  if (!source) {
    diagnostics.push({
      code: 'package/source-missing',
      severity: 'warning',
      message: `The source page ${cable.source.path} named in the TEI is not in the sources folder; the packages of ${cable.id} carry no source page.`,
      hint: 'Put the page back in the sources folder to include it.',
      file: raw.teiPath,
    });
  }
  return { doc: { cable, tei: raw.tei, derived: derived.records, ...(source ? { source } : {}), revisedAt }, diagnostics };
}

function notPackaged(file: string, why: string, hint: string): Diagnostic {
  return { code: 'package/not-packaged', severity: 'error', message: `Not packaged: ${why}.`, hint, file };
}
