import { resolve } from 'node:path';
import { chainMessage } from '../../diagnostics/error-chain.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { fileSystemCause } from '../../fs/fs-error.js';
import type { BuildReport } from '../../pipeline/build-report.js';

/** Writes --report; a report that cannot be written is said in one line (and fails the run), not thrown. */
export function writeReport(path: string | undefined, report: BuildReport, say = true): boolean {
  if (path === undefined) return true;
  try {
    writeFileAtomic(resolve(path), `${JSON.stringify(report, null, 2)}\n`);
    return true;
  } catch (error) {
    if (fileSystemCause(error) === undefined) throw error;
    // The early copy fails quietly: the final write tries again and says it.
    if (say) process.stderr.write(`cablekit: cannot write the report ${path}: ${chainMessage(error)}\n`);
    return false;
  }
}
