import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bookkeepingFiles } from '../../edition/index.js';
import { fileStamp, fileSystemCause, readFileIfExists, sha256Hex, toPortableRelative, writeFileAtomic } from '../../fs/index.js';
import { readOutputLedger, runBuild, type BuildReport } from '../../pipeline/index.js';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { chainMessage, chainStack, debugEnabled } from '../../diagnostics/error-chain.js';
import { buildSearchIndex, siteSettings } from '../../site/index.js';
import { pipelineDeps } from '../pipeline-deps.js';
import { createProgressReporter } from '../progress.js';
import { formatsOf, packageEdition, packageSummaryLine, type PackageOutcome } from '../package/package-edition.js';
import type { BuildCommandOptions } from './build-command.js';
import { writeReport } from './build-report-file.js';

/**
 * The build that does the work (build-command.ts first asks whether the last one's seal still
 * holds): the pipeline, then the search index and the configured packages, under the caller's lock.
 * Loaded only when needed: it brings every format, libxml2 and citeproc with it.
 */

/**
 * A digest of the document pages the search index is made of, from the build's output ledger; the
 * digest the index was last made from is kept beside it in `.cablekit/` (with the ledger's stamp
 * then), so a run killed before the index was remade still remakes it next time.
 */
function searchPagesDigest(outputDir: string, siteFolder: string): string {
  const prefix = `${toPortableRelative(outputDir, join(siteFolder, 'documents'))}/`;
  const ledger = readOutputLedger(bookkeepingFiles(outputDir).outputLedger);
  return sha256Hex(JSON.stringify([...ledger].filter(([path]) => path.startsWith(prefix))));
}

/** The digest the search index was made from, and the stamp of the ledger it was read from (none in files of earlier versions). */
function keptSearchDigest(outputDir: string): { digest: string; ledgerStamp?: string } | undefined {
  const [digest, ledgerStamp] = (readFileIfExists(bookkeepingFiles(outputDir).searchIndexDigest)?.toString('utf8') ?? '').split('\n');
  if (digest === undefined || digest === '') return undefined;
  return ledgerStamp !== undefined && ledgerStamp !== '' ? { digest, ledgerStamp } : { digest };
}

/**
 * Whether the search index must be made again, and the digest of the pages now. The ledger (20 MB
 * at 10,000 documents) is read only when it was written since the index's digest was kept: a
 * ledger with the same stamp (size, time, inode: it is replaced by a rename) lists the same pages.
 */
function searchIndexState(outputDir: string, siteFolder: string): { stale: boolean; digest: string; ledgerStamp?: string; keptStamp?: string } {
  const kept = keptSearchDigest(outputDir);
  const ledgerStamp = fileStamp(bookkeepingFiles(outputDir).outputLedger);
  const indexThere = existsSync(join(siteFolder, 'pagefind'));
  if (kept !== undefined && ledgerStamp !== undefined && kept.ledgerStamp === ledgerStamp) return { stale: !indexThere, digest: kept.digest, ledgerStamp, keptStamp: ledgerStamp };
  const digest = searchPagesDigest(outputDir, siteFolder);
  return {
    stale: kept?.digest !== digest || !indexThere,
    digest,
    ...(ledgerStamp !== undefined ? { ledgerStamp } : {}),
    ...(kept?.ledgerStamp !== undefined ? { keptStamp: kept.ledgerStamp } : {}),
  };
}

function keepSearchDigest(outputDir: string, digest: string, ledgerStamp: string | undefined): void {
  writeFileAtomic(bookkeepingFiles(outputDir).searchIndexDigest, ledgerStamp === undefined ? digest : `${digest}\n${ledgerStamp}`);
}

export interface FullBuildOutcome {
  report: BuildReport;
  search?: { pages: number; seconds: number; diagnostics: Diagnostic[] };
  /** The configured packages' findings and summary line. */
  packaged?: { diagnostics: Diagnostic[]; line: string };
}

export async function runFullBuild(config: CablekitConfig, rootDir: string, options: BuildCommandOptions): Promise<FullBuildOutcome> {
  const deps = pipelineDeps();
  const progress = createProgressReporter(options.progress !== false);
  let report: BuildReport;
  let search: { pages: number; seconds: number; diagnostics: Diagnostic[] } | undefined;
  let packaged: PackageOutcome | undefined;
  try {
    report = await runBuild({
      config,
      rootDir,
      force: options.force ?? false,
      deps,
      onProgress: (p) => progress.update(p),
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    });
    // Written now and again at the end: a search indexer or packager that takes the process down
    // (the indexer does on a full disk) still leaves the build's report.
    writeReport(options.report, report, false);
    // A build stopped by a file-system failure made no complete edition to index or package.
    if (!report.diagnostics.some((d) => d.code === 'build/io-failed')) {
      let doing = 'make the search index';
      try {
        // The search index is made from the written pages, so it runs after the build, under the same
        // lock — and only when a document page was written or removed (or the index is missing).
        const siteFolder = join(config.outputDir, siteSettings(config).siteDir);
        const state = deps.stages.some((s) => s.name === 'site') ? searchIndexState(config.outputDir, siteFolder) : undefined;
        if (state?.stale === true) {
          // Forgotten first: an indexer that dies half-way (a full disk) leaves the next run to remake it.
          rmSync(bookkeepingFiles(config.outputDir).searchIndexDigest, { force: true });
          search = await buildSearchIndex(siteFolder, bookkeepingFiles(config.outputDir).dir);
          // A page whose write failed is not on disk as the ledger says: the digest is not kept, so
          // the next run makes the index again.
          const writesFailed = report.diagnostics.some((d) => d.code === 'build/write-failed');
          if (search.diagnostics.length === 0 && !writesFailed) keepSearchDigest(config.outputDir, state.digest, state.ledgerStamp);
        } else if (state !== undefined && state.keptStamp !== state.ledgerStamp) {
          // The same pages in a ledger written again (other outputs changed): its stamp kept, so the next run need not read it.
          keepSearchDigest(config.outputDir, state.digest, state.ledgerStamp);
        }
        doing = 'make the configured packages';
        // Packages are made from the outputs just written, so no other build may change them meanwhile.
        packaged = await configuredPackages(config, rootDir);
      } catch (error) {
        const cause = fileSystemCause(error);
        if (cause === undefined) throw error;
        if (debugEnabled()) process.stderr.write(`${chainStack(error)}\n`);
        const d: Diagnostic = { code: 'build/io-failed', severity: 'error', message: `could not ${doing}: ${chainMessage(error)}` };
        if (cause.path !== undefined) d.file = toPortableRelative(rootDir, cause.path);
        report.diagnostics.push(d);
        report.summary.errors++;
      }
    }
  } finally {
    progress.stop();
  }
  return { report, ...(search !== undefined ? { search } : {}), ...(packaged !== undefined ? { packaged: { diagnostics: packaged.diagnostics, line: packageSummaryLine(packaged) } } : {}) };
}

/**
 * The packages the config's packages.formats asks every build for, made from what the build has
 * just written (as `cablekit package --format …` would). A TEI file the build held back is not
 * packaged: its validation findings are already in the build's own diagnostics, so only the
 * package/* diagnostics are kept here.
 */
async function configuredPackages(config: CablekitConfig, rootDir: string): Promise<PackageOutcome | undefined> {
  const asked = config.packages?.formats ?? [];
  if (asked.length === 0) return undefined;
  const outcome = await packageEdition(config, rootDir, { ids: [], formats: formatsOf(asked, 'the config key packages.formats'), serialization: 'dir' });
  return { ...outcome, diagnostics: outcome.diagnostics.filter((d) => d.code.startsWith('package/')) };
}
