import type { CablekitConfig } from '../../config/config.js';
import { bookkeepingFiles } from '../../edition/index.js';
// Named modules, not the pipeline's index: that one loads every stage, which packaging never runs.
import { currentDocumentKeys } from '../../pipeline/build-keys.js';
import { DERIVED_STAGE_NAMES } from '../../pipeline/derived-stage-names.js';
import { readKeptTeiVerdicts } from '../../pipeline/document-cache-db.js';

/**
 * Whether `cablekit build` already validated these very TEI bytes and found no error: the build
 * cache holds, per TEI file, the checksum of the bytes it checked, its findings and the document's
 * key (tool, settings, assets). Packaging then need not run RELAX NG and the rules again (~3 ms a
 * document). The verdict is taken exactly when the build itself would keep its work: same path,
 * same checksum, same key as the build would compute now, no error. A TEI edited after the build,
 * a cablekit upgraded since, changed settings, or no cache at all: the file is validated in full.
 *
 * Given here as the checksum the bytes must have (undefined: no verdict holds), so that the
 * thread that reads the file checks it, and worker threads need neither the cache nor the key.
 */
export type TrustedChecksum = (stem: string, teiPath: string) => string | undefined;

export function buildVerdicts(config: CablekitConfig): TrustedChecksum {
  const kept = readKeptTeiVerdicts(bookkeepingFiles(config.outputDir).buildCache);
  if (kept === undefined || kept.size === 0) return () => undefined;
  const keyOf = currentDocumentKeys(config, DERIVED_STAGE_NAMES);
  return (stem, teiPath) => {
    const verdict = kept.get(stem);
    if (verdict === undefined || verdict.errors || verdict.key === '' || verdict.teiPath !== teiPath) return undefined;
    return verdict.key === keyOf(stem) ? verdict.teiSha256 : undefined;
  };
}
