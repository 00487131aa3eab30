import { existsSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bookkeepingFiles } from '../../edition/index.js';
import { acquireLocks, fileSystemCause, readFileIfExists, sha256Hex, toPortableRelative, writeFileAtomic } from '../../fs/index.js';
import { formatSummaryLine, readOutputLedger, runBuild, summarise, type BuildReport } from '../../pipeline/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { chainMessage, chainStack, debugEnabled } from '../../diagnostics/error-chain.js';
import { buildSearchIndex, siteSettings } from '../../site/index.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { pipelineDeps } from '../pipeline-deps.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { createProgressReporter } from '../progress.js';
import { formatsOf, packageEdition, packageSummaryLine, type PackageOutcome } from '../package/package-edition.js';

/**
 * The build's lock for its TEI folder: in `.cablekit/` beside that folder (not inside it, which is
 * committed), named after it; its real path, so two configs naming one folder two ways meet there.
 */
export function teiFolderLock(teiDir: string): string {
  let real = resolve(teiDir);
  try {
    real = realpathSync(real);
  } catch {
    // Not made yet: no link to follow.
  }
  return join(dirname(real), '.cablekit', `${basename(real)}.tei.lock`);
}

export interface BuildCommandOptions {
  config?: string;
  force?: boolean;
  report?: string;
  progress?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  jobs?: number;
}

/**
 * A digest of the document pages the search index is made of, from the build's output ledger; the
 * digest the index was last made from is kept beside it in `.cablekit/`, so a run killed before
 * the index was remade still remakes it next time.
 */
function searchPagesDigest(outputDir: string, siteFolder: string): string {
  const prefix = `${toPortableRelative(outputDir, join(siteFolder, 'documents'))}/`;
  const ledger = readOutputLedger(bookkeepingFiles(outputDir).outputLedger);
  return sha256Hex(JSON.stringify([...ledger].filter(([path]) => path.startsWith(prefix))));
}

function searchIndexStale(digest: string, outputDir: string, siteFolder: string): boolean {
  const kept = readFileIfExists(bookkeepingFiles(outputDir).searchIndexDigest)?.toString('utf8');
  return kept !== digest || !existsSync(join(siteFolder, 'pagefind'));
}

/** `cablekit build`: the whole pipeline from the config; prints diagnostics and one summary line. */
export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const { config, rootDir } = loadConfigOrFail(options.config, options.verbose, { requireFile: true });
  const deps = pipelineDeps();
  // One lock beside the output (it covers the output and .cablekit/) and one for the TEI folder, so
  // two configs sharing tei/ with different output folders still exclude each other. (Packages
  // have their own lock, taken by packageEdition.)
  let lock;
  try {
    lock = acquireLocks([bookkeepingFiles(config.outputDir).buildLock, teiFolderLock(config.teiDir)]);
  } catch (error) {
    // A read-only or full folder: nothing is built, and the report says why.
    const cause = fileSystemCause(error);
    if (cause === undefined) throw error;
    const d: Diagnostic = { code: 'build/io-failed', severity: 'error', message: `could not take the build lock: ${chainMessage(error)}; nothing was built` };
    if (cause.path !== undefined) d.file = toPortableRelative(rootDir, cause.path);
    const failed: BuildReport = {
      tool: TOOL_NAME,
      toolVersion: TOOL_VERSION,
      startedAt: new Date().toISOString(),
      summary: summarise([], [], [d], 0),
      workers: 0,
      documents: [],
      collectionOutputs: [],
      diagnostics: [d],
    };
    printDiagnostics(failed.diagnostics, { verbose: options.verbose ?? false, quiet: options.quiet ?? false });
    writeReport(options.report, failed);
    process.stderr.write(`${formatSummaryLine(failed.summary)}\n`);
    return EXIT_FAILED;
  }
  if (!lock.acquired) {
    throw new UsageError(
      `another cablekit build of this edition is running (process ${lock.holderPid}); wait for it, or delete ${lock.path} if it is gone`,
    );
  }
  const progress = createProgressReporter(options.progress !== false);
  let report;
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
        const digest = searchPagesDigest(config.outputDir, siteFolder);
        if (deps.stages.some((s) => s.name === 'site') && searchIndexStale(digest, config.outputDir, siteFolder)) {
          // Forgotten first: an indexer that dies half-way (a full disk) leaves the next run to remake it.
          rmSync(bookkeepingFiles(config.outputDir).searchIndexDigest, { force: true });
          search = await buildSearchIndex(siteFolder, bookkeepingFiles(config.outputDir).dir);
          // A page whose write failed is not on disk as the ledger says: the digest is not kept, so
          // the next run makes the index again.
          const writesFailed = report.diagnostics.some((d) => d.code === 'build/write-failed');
          if (search.diagnostics.length === 0 && !writesFailed) writeFileAtomic(bookkeepingFiles(config.outputDir).searchIndexDigest, digest);
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
    lock.release();
  }
  const printing = { verbose: options.verbose ?? false, quiet: options.quiet ?? false };
  for (const doc of report.documents) printDiagnostics(doc.diagnostics, printing);
  if (search) report.diagnostics.push(...search.diagnostics);
  if (packaged) report.diagnostics.push(...packaged.diagnostics);
  printDiagnostics(report.diagnostics, printing);
  const reportWritten = writeReport(options.report, report);
  process.stderr.write(`${formatSummaryLine(report.summary)}\n`);
  if (search && search.diagnostics.length === 0 && !printing.quiet) {
    process.stderr.write(`Search index: ${search.pages} pages in ${search.seconds.toFixed(2)} s\n`);
  }
  if (packaged && !printing.quiet) process.stderr.write(`${packageSummaryLine(packaged)}\n`);
  const failed = !reportWritten || report.summary.failed > 0 || report.diagnostics.some((d) => d.severity === 'error');
  return failed ? EXIT_FAILED : EXIT_OK;
}

/** Writes --report; a report that cannot be written is said in one line (and fails the run), not thrown. */
function writeReport(path: string | undefined, report: BuildReport, say = true): boolean {
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
