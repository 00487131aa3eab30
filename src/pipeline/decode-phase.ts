import { basename } from 'node:path';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { fileStamp, readFileBounded, sha256Hex, stampTrusted, toPortableRelative } from '../fs/index.js';
import { MAX_TEI_BYTES, reportTeiTooLarge, teiTextFromBytes } from '../tei/index.js';
import { internalError, newDocumentReport, type BuildContext } from './build-context.js';
import type { DocumentReport } from './build-report.js';

/** A TEI file as read from disk, before anything is made of it. */
export interface TeiRead {
  /** The file name without `.xml`: the document id it stands for. */
  stem: string;
  teiPath: string;
  report: DocumentReport;
  file: string;
  /** fileStamp taken before the bytes were read. */
  stamp?: string;
  /** Absent when the file is too large or could not be read (the report says why), or not read yet. */
  bytes?: Buffer;
  sha256?: string;
}

/**
 * Reads one TEI file — hand-edited ones and ones without a source included — because the TEI,
 * not the source page, is the master every derived format is made from. Refused by its size
 * before it is read.
 */
export function readTei(ctx: BuildContext, file: string, kept?: { teiStamp?: string; teiSha256: string }): TeiRead {
  const teiPath = toPortableRelative(ctx.options.rootDir, file);
  const stem = basename(file).replace(/\.xml$/i, '');
  let report = ctx.byId.get(stem);
  if (!report) {
    report = newDocumentReport({ documentId: stem, teiPath });
    ctx.byId.set(stem, report);
    ctx.reports.push(report);
  }
  const read: TeiRead = { stem, teiPath, report, file };
  const stamp = fileStamp(file);
  if (stamp !== undefined) read.stamp = stamp;
  // Unchanged since its checksum was taken: not read at all unless it has to be decoded.
  if (stampTrusted(stamp, kept?.teiStamp, ctx.previous.recordedAtNs) && kept !== undefined) {
    read.sha256 = kept.teiSha256;
    return read;
  }
  return loadBytes(ctx, read);
}

export function loadBytes(ctx: BuildContext, read: TeiRead): TeiRead {
  const { file, teiPath, report } = read;
  try {
    const result = readFileBounded(file, MAX_TEI_BYTES);
    if ('tooLarge' in result) {
      const bag = new DiagnosticBag(teiPath);
      reportTeiTooLarge(result.tooLarge, bag);
      report.diagnostics.push(...bag.items);
      holdBack(ctx, read);
    } else {
      read.bytes = result.bytes;
      read.sha256 = sha256Hex(result.bytes);
    }
  } catch (error) {
    report.diagnostics.push(internalError('build/internal-error', 'the TEI file could not be read', error, teiPath));
  }
  return read;
}

/** Never derive from a TEI file cablekit would reject: hold it back and keep what was published from it. */
export function holdBack(ctx: BuildContext, read: TeiRead): void {
  ctx.heldBack.add(read.stem);
  read.report.diagnostics.push({
    code: 'build/tei-invalid-held-back',
    severity: 'error',
    message: 'the TEI file is not valid (see above): its IIIF, Dublin Core, site and OAI-PMH outputs were left as they were',
    hint: 'fix the TEI file (cablekit validate shows the same findings) and build again',
    file: read.teiPath,
  });
}
