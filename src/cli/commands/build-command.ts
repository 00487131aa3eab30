import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bookkeepingFiles } from '../../edition/layout.js';
import { acquireLocks } from '../../fs/lock-file.js';
import { fileSystemCause } from '../../fs/fs-error.js';
import { toPortableRelative } from '../../fs/walk-files.js';
import { formatSummaryLine, summarise, type BuildReport } from '../../pipeline/build-report.js';
import { storeTarget } from '../../oai/store/store-target.js';
import { makeSeal, replayedLines, sealHolds, sealRefusal, type RunSeal, type SealLines } from '../../pipeline/run-seal.js';
import { sha256Hex } from '../../fs/sha256.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { chainMessage } from '../../diagnostics/error-chain.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { printDiagnostics } from '../print-diagnostics.js';
import type { FullBuildOutcome } from './build-full.js';

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
 * The seal of the last build, when it found nothing to do and nothing it looks at has changed since
 * (run-seal.ts). Not with --force (which redoes everything) nor --report (whose file lists every
 * output, which a seal does not keep). CABLEKIT_NO_SEAL=1 makes every build a full one, to compare.
 */
async function holdingSeal(config: CablekitConfig, rootDir: string, options: BuildCommandOptions): Promise<{ seal: RunSeal; lines?: SealLines } | undefined> {
  if (options.force === true || options.report !== undefined || process.env['CABLEKIT_NO_SEAL'] === '1') return undefined;
  const files = bookkeepingFiles(config.outputDir);
  let seal: RunSeal;
  let lines: SealLines | undefined;
  try {
    if (!existsSync(files.runSeal)) return undefined;
    const bytes = readFileSync(files.runSeal);
    seal = JSON.parse(bytes.toString('utf8')) as RunSeal;
    // -q prints the errors the seal itself keeps; otherwise the lines file must be the one sealed.
    if (options.quiet !== true) {
      const text = readFileSync(files.runSealLines);
      if (sha256Hex(text) !== seal.linesSha256) return undefined;
      lines = JSON.parse(text.toString('utf8')) as SealLines;
    }
  } catch {
    // Unreadable or damaged: a full build decides, and seals anew.
    return undefined;
  }
  try {
    // The cache removed by hand (to make the build start over, say): a full build, as asked.
    if (!existsSync(files.buildCache) || !sealHolds(seal, config, rootDir)) return undefined;
  } catch {
    // A folder that cannot be read: the full build says so, as a diagnostic.
    return undefined;
  }
  if (storeTarget(rootDir, config).kind === 'postgres' && (seal.oaiGeneration === undefined || (await storeGeneration(rootDir, config)) !== seal.oaiGeneration)) return undefined;
  return lines !== undefined ? { seal, lines } : { seal };
}

/** The OAI store's generation, or undefined when it cannot be read (a full build then says why). */
async function storeGeneration(rootDir: string, config: CablekitConfig): Promise<string | undefined> {
  const { openStore } = await import('../../oai/store/open-store.js');
  const opened = await openStore(rootDir, config);
  try {
    return await opened.store?.generation();
  } catch {
    return undefined;
  } finally {
    await opened.store?.close();
  }
}

/** Seals a build that found nothing to do (the seal of an earlier one was removed before this one started); the seal only saves time, so failing to keep it is not an error. */
async function keepSeal(report: BuildReport, config: CablekitConfig, rootDir: string, options: BuildCommandOptions, searchRebuilt: boolean, runStartedMs: number): Promise<void> {
  try {
    const refused = sealRefusal(report, config, { searchRebuilt, force: options.force === true });
    if (refused !== undefined) return;
    const postgres = storeTarget(rootDir, config).kind === 'postgres';
    const generation = postgres ? await storeGeneration(rootDir, config) : undefined;
    if (postgres && generation === undefined) return;
    const made = makeSeal(report, config, rootDir, runStartedMs, generation);
    if (made === undefined) return;
    // Loaded here, not up front: a build with nothing to do writes nothing.
    const { writeFileAtomic } = await import('../../fs/atomic-write.js');
    // The lines first: a seal is only ever next to the lines it names.
    writeFileAtomic(bookkeepingFiles(config.outputDir).runSealLines, made.linesText);
    writeFileAtomic(bookkeepingFiles(config.outputDir).runSeal, JSON.stringify(made.seal));
  } catch (error) {
    if (fileSystemCause(error) === undefined) throw error;
  }
}

/** `cablekit build`: the whole pipeline from the config; prints diagnostics and one summary line. */
export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const { config, rootDir } = loadConfigOrFail(options.config, options.verbose, { requireFile: true });
  // Wall-clock time, as file times are: a file modified after this may have been read either way.
  const runStartedMs = Date.now();
  const started = process.hrtime.bigint();
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
    (await import('./build-report-file.js')).writeReport(options.report, failed);
    process.stderr.write(`${formatSummaryLine(failed.summary)}\n`);
    return EXIT_FAILED;
  }
  if (!lock.acquired) {
    throw new UsageError(
      `another cablekit build of this edition is running (process ${lock.holderPid}); wait for it, or delete ${lock.path} if it is gone`,
    );
  }
  const printing = { verbose: options.verbose ?? false, quiet: options.quiet ?? false };
  let report: BuildReport;
  let search: FullBuildOutcome['search'];
  let packaged: FullBuildOutcome['packaged'];
  try {
    const held = await holdingSeal(config, rootDir, options);
    if (held !== undefined) {
      // Nothing to do: say what the sealed build said, without loading the pipeline.
      const { seal, lines } = held;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stderr.write(`${replayedLines(seal, lines, printing)}${formatSummaryLine({ ...seal.summary, seconds })}\n`);
      return seal.summary.failed > 0 || seal.summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
    }
    // Gone before any work: a build that stops half-way leaves no seal behind. (One that cannot be
    // removed, in a read-only folder, no longer holds once the build changes anything.)
    for (const file of [bookkeepingFiles(config.outputDir).runSeal, bookkeepingFiles(config.outputDir).runSealLines]) {
      try {
        rmSync(file, { force: true });
      } catch {
        // The build's own writes there fail next, and say why.
      }
    }
    const { runFullBuild } = await import('./build-full.js');
    ({ report, search, packaged } = await runFullBuild(config, rootDir, options));
    await keepSeal(report, config, rootDir, options, search !== undefined, runStartedMs);
  } finally {
    lock.release();
  }
  if (search) report.diagnostics.push(...search.diagnostics);
  if (packaged) report.diagnostics.push(...packaged.diagnostics);
  printDiagnostics(everyDiagnostic(report), printing);
  const reportWritten = options.report === undefined || (await import('./build-report-file.js')).writeReport(options.report, report);
  process.stderr.write(`${formatSummaryLine(report.summary)}\n`);
  if (search && search.diagnostics.length === 0 && !printing.quiet) {
    const parts = search.shardsInIndex > 1 ? ` (${search.shardsMade} of its ${search.shardsInIndex} parts)` : '';
    process.stderr.write(`Search index: ${search.pages} pages${parts} in ${search.seconds.toFixed(2)} s\n`);
  }
  if (packaged && !printing.quiet) process.stderr.write(`${packaged.line}\n`);
  const failed = !reportWritten || report.summary.failed > 0 || report.diagnostics.some((d) => d.severity === 'error');
  return failed ? EXIT_FAILED : EXIT_OK;
}


/** The report's findings in the order they are printed: each document's, then the build's own. */
function* everyDiagnostic(report: BuildReport): Generator<Diagnostic> {
  for (const doc of report.documents) yield* doc.diagnostics;
  yield* report.diagnostics;
}
