import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sha256Hex, toPortableRelative, walkFiles } from '../fs/index.js';
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
    const teiPath = toPortableRelative(rootDir, file);
    const stem = basename(file).replace(/\.xml$/i, '');
    let report = ctx.byId.get(stem);
    if (!report) {
      report = newDocumentReport({ documentId: stem, teiPath });
      ctx.byId.set(stem, report);
      ctx.reports.push(report);
    }
    try {
      const bytes = readFileSync(file);
      const result = deps.decodeTei(bytes.toString('utf8'), teiPath);
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
        decoded.push({ cable: result.cable, teiPath, teiSha256: sha256Hex(bytes) });
      } else if (!result.diagnostics.some((d) => d.severity === 'error')) {
        report.diagnostics.push({ code: 'build/tei-not-decoded', severity: 'error', message: 'the TEI file could not be read back', file: teiPath });
      }
    } catch (error) {
      report.diagnostics.push(internalError('build/internal-error', 'the TEI file could not be decoded', error, teiPath));
    }
    onProgress?.({ phase: 'decode', done: index + 1, total: files.length });
  });
  return decoded;
}
