import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { acquireLock } from '../../fs/index.js';
import type { BagSerialization } from '../../package/bagit/bagit-packages.js';
import { PACKAGE_FORMATS, type PackageFormat } from '../../package/package-entry.js';
import { siteSettings } from '../../site/site-settings.js';
import { UsageError } from '../exit-codes.js';
import { buildVerdicts } from './build-verdicts.js';
import { packageInBatches, type BatchesRead } from './package-in-batches.js';
import type { PackageJobContext } from './package-jobs.js';
import { packageRunner } from './package-runner.js';
import type { TeiFile } from './read-documents.js';
import { addCounts, packageSettings, Packager } from './run-packaging.js';
import { finishPackageRun, startPackageRun } from './write-packages.js';

export interface PackageRequest {
  ids: readonly string[];
  formats: readonly PackageFormat[];
  /** --out; without it the config's packages.outDir, else packages/ beside the output folder. */
  outDir?: string;
  serialization: BagSerialization;
  editionBag?: boolean;
  /** --jobs: worker threads; without it one per core, for an edition large enough. The packages do not depend on it. */
  jobs?: number;
}

export interface PackageOutcome {
  outDir: string;
  documents: number;
  diagnostics: Diagnostic[];
  /** Per format: "bagit 2 written, 0 unchanged; ocfl …" */
  counts: string;
  /** TEI files taken as the build validated them (same bytes, same key), and those validated here. */
  checkedByBuild: number;
  checkedHere: number;
  /** Worker threads that did the work (0: the command's own thread). */
  workers: number;
}

/**
 * "Packaged 2 documents into …: bagit 2 written, 0 unchanged; …; 0 errors; TEI validated here 0,
 * as the build validated them 2; 2 worker threads", the errors counted among the diagnostics shown.
 */
export function packageSummaryLine(outcome: PackageOutcome): string {
  const failed = outcome.diagnostics.filter((d) => d.severity === 'error').length;
  const threads = outcome.workers === 0 ? 'no worker threads' : `${outcome.workers} worker thread${outcome.workers === 1 ? '' : 's'}`;
  return `Packaged ${outcome.documents} document${outcome.documents === 1 ? '' : 's'} into ${outcome.outDir}: ${outcome.counts}; ${failed} error${failed === 1 ? '' : 's'}; TEI validated here ${outcome.checkedHere}, as the build validated them ${outcome.checkedByBuild}; ${threads}`;
}

/** Packages the edition (or the given ids) under one lock per packages folder: `cablekit package` and the build both come here. */
export async function packageEdition(config: CablekitConfig, rootDir: string, request: PackageRequest): Promise<PackageOutcome> {
  const outDir = resolve(request.outDir ?? (config.packages?.outDir !== undefined ? resolve(rootDir, config.packages.outDir) : resolve(config.outputDir, '..', 'packages')));
  const lockPath = resolve(outDir, '..', '.cablekit', 'package.lock');
  const lock = acquireLock(lockPath);
  if (!lock.acquired) throw new UsageError(`another cablekit package run is writing ${outDir} (process ${lock.holderPid}); wait for it, or delete ${lockPath} if it is gone`);
  try {
    const editionBag = request.editionBag ?? config.packages?.editionBag ?? false;
    const ctx: PackageJobContext = {
      folders: { outputDir: resolve(config.outputDir), sourcesDir: config.sourcesDir, sitePath: siteSettings(config).siteDir.split('/') },
      settings: packageSettings(config),
      options: { formats: request.formats, outDir, bagSerialization: request.serialization, editionBag, existed: startPackageRun(outDir, request.formats) },
    };
    const files = teiFiles(config, rootDir);
    const own = new Packager(ctx.settings, ctx.options);
    const runner = await packageRunner(ctx, files.length, request.jobs);
    let read: BatchesRead;
    try {
      read = await packageInBatches(files, runner, {
        wanted: new Set(request.ids),
        teiDirName: relative(rootDir, config.teiDir) || '.',
        formats: request.formats,
        beforeFirstWrite: () => {
          if (request.formats.includes('ocfl')) own.writeStorageRoot();
        },
      });
    } finally {
      await runner.close();
    }
    if (read.records.length > 0) addCounts(read.counts, await own.writeWholeEdition(read.records));
    finishPackageRun(outDir);
    const counts = request.formats.map((f) => `${f} ${read.counts.written[f] ?? 0} written, ${read.counts.unchanged[f] ?? 0} unchanged`).join('; ');
    return { outDir, documents: read.documents, diagnostics: [...read.diagnostics, ...read.counts.diagnostics], counts, checkedByBuild: read.checkedByBuild, checkedHere: read.checkedHere, workers: runner.workers };
  } finally {
    lock.release();
  }
}

/** The edition's TEI files in name order, each with the checksum under which the build's verdict on it holds. */
function teiFiles(config: CablekitConfig, rootDir: string): TeiFile[] {
  const names = existsSync(config.teiDir) ? readdirSync(config.teiDir).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).sort() : [];
  const trustedSha256 = buildVerdicts(config);
  return names.map((name) => {
    const stem = basename(name, '.xml');
    const path = join(config.teiDir, name);
    const teiPath = relative(rootDir, path).split(sep).join('/');
    const trusted = trustedSha256(stem, teiPath);
    return { stem, path, teiPath, ...(trusted !== undefined ? { trustedSha256: trusted } : {}) };
  });
}

/** Format names as given ('all' or names, in any order) → the formats, in the order `all` writes them. */
export function formatsOf(asked: readonly string[], where: string): PackageFormat[] {
  if (asked.includes('all')) return [...PACKAGE_FORMATS];
  for (const f of asked) {
    if (!(PACKAGE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown package format "${f}" in ${where}: use ${PACKAGE_FORMATS.join(', ')} or all`);
  }
  return PACKAGE_FORMATS.filter((f) => asked.includes(f));
}
