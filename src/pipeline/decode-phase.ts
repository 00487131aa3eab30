import { basename } from 'node:path';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { readFileBounded, sha256Hex, toPortableRelative, walkFiles } from '../fs/index.js';
import { MAX_TEI_BYTES, reportTeiTooLarge, teiTextFromBytes } from '../tei/index.js';
import { internalError, newDocumentReport, type BuildContext } from './build-context.js';
import type { DecodedCable } from '../stage/index.js';

/**
 * Reads back every TEI file — hand-edited ones and ones without a source included — because the
 * TEI, not the source page, is the master every derived format is made from.
 */
export function decodeAllTei(ctx: BuildContext): DecodedCable[] {
  const { config, rootDir, deps, onProgress } = ctx.options;
  const files = walkFiles(config.teiDir, { extensions: ['.xml'] });
  const decoded: DecodedCable[] = [];
  files.forEach((file, index) => {
    decodeOne(file);
    onProgress?.({ phase: 'decode', done: index + 1, total: files.length });
  });
  return decoded;

  function decodeOne(file: string): void {
    const teiPath = toPortableRelative(rootDir, file);
    const stem = basename(file).replace(/\.xml$/i, '');
    let report = ctx.byId.get(stem);
    if (!report) {
      report = newDocumentReport({ documentId: stem, teiPath });
      ctx.byId.set(stem, report);
      ctx.reports.push(report);
    }
    try {
      // Refused by its size before it is read, and read strictly as UTF-8 (never with U+FFFD);
      // then checked as `cablekit validate` checks it. Never derive from a TEI file cablekit
      // would reject: hold it back and keep what was published from it.
      const read = readFileBounded(file, MAX_TEI_BYTES);
      const bag = new DiagnosticBag(teiPath);
      if ('tooLarge' in read) reportTeiTooLarge(read.tooLarge, bag);
      const bytes = 'bytes' in read ? read.bytes : undefined;
      const xml = bytes !== undefined ? teiTextFromBytes(bytes, bag) : undefined;
      const findings = [...bag.items, ...(xml !== undefined ? (deps.validateTei?.(xml, teiPath) ?? []) : [])];
      report.diagnostics.push(...findings);
      if (bytes === undefined || xml === undefined || findings.some((d) => d.severity === 'error')) {
        ctx.heldBack.add(stem);
        report.diagnostics.push({
          code: 'build/tei-invalid-held-back',
          severity: 'error',
          message: 'the TEI file is not valid (see above): its IIIF, Dublin Core, site and OAI-PMH outputs were left as they were',
          hint: 'fix the TEI file (cablekit validate shows the same findings) and build again',
          file: teiPath,
        });
        return;
      }
      const result = deps.decodeTei(xml, teiPath);
      report.diagnostics.push(...result.diagnostics);
      if (result.cable) {
        if (result.cable.id !== stem) {
          report.diagnostics.push({
            code: 'build/tei-id-mismatch',
            severity: 'warning',
            message: `the TEI file holds document "${result.cable.id}" but is named after "${stem}"`,
            file: teiPath,
          });
        }
        decoded.push({ cable: result.cable, teiPath, teiSha256: sha256Hex(bytes), ...(result.encodedWhen !== undefined ? { encodedWhen: result.encodedWhen } : {}) });
      } else if (!result.diagnostics.some((d) => d.severity === 'error')) {
        report.diagnostics.push({ code: 'build/tei-not-decoded', severity: 'error', message: 'the TEI file could not be read back', file: teiPath });
      }
    } catch (error) {
      report.diagnostics.push(internalError('build/internal-error', 'the TEI file could not be decoded', error, teiPath));
    }
  }
}
