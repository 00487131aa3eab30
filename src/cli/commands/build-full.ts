import { join } from 'node:path';
import { fileSystemCause, toPortableRelative } from '../../fs/index.js';
import { runBuild, type BuildReport } from '../../pipeline/index.js';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { chainMessage, chainStack, debugEnabled } from '../../diagnostics/error-chain.js';
import { DEFAULT_SEARCH_PAGES_PER_SHARD, siteSettings, type SearchIndexResult } from '../../site/index.js';
import { updateSearchIndex } from './search-index-step.js';
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

export interface FullBuildOutcome {
  report: BuildReport;
  search?: SearchIndexResult;
  /** The configured packages' findings and summary line. */
  packaged?: { diagnostics: Diagnostic[]; line: string };
}

export async function runFullBuild(config: CablekitConfig, rootDir: string, options: BuildCommandOptions): Promise<FullBuildOutcome> {
  const deps = pipelineDeps();
  const progress = createProgressReporter(options.progress !== false);
  let report: BuildReport;
  let search: SearchIndexResult | undefined;
  let packaged: PackageOutcome | undefined;
  let ledger: ReadonlyMap<string, string> | undefined;
  try {
    report = await runBuild({
      config,
      rootDir,
      force: options.force ?? false,
      deps,
      // Kept outputs are listed only in a report file; the summary line counts them.
      listKeptOutputs: options.report !== undefined,
      onProgress: (p) => progress.update(p),
      onOutputsLedger: (l) => {
        ledger = l;
      },
      // The search index (below) adds its folder to the site's.
      foldersWrittenLater: [toPortableRelative(config.outputDir, join(config.outputDir, siteSettings(config).siteDir, 'pagefind'))],
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
        // lock — only its parts whose pages were written or removed (or that are missing).
        const siteFolder = join(config.outputDir, siteSettings(config).siteDir);
        if (deps.stages.some((s) => s.name === 'site')) {
          const writesFailed = report.diagnostics.some((d) => d.code === 'build/write-failed');
          search = await updateSearchIndex(config.outputDir, siteFolder, {
            pagesPerShard: config.searchPagesPerShard ?? DEFAULT_SEARCH_PAGES_PER_SHARD,
            writesFailed,
            ...(ledger !== undefined ? { ledger } : {}),
            ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
          });
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
