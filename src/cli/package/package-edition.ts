import { resolve } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { acquireLock } from '../../fs/index.js';
import { PACKAGE_FORMATS, type BagSerialization, type PackageFormat } from '../../package/index.js';
import { UsageError } from '../exit-codes.js';
import { readDocuments } from './read-documents.js';
import { Packaging } from './run-packaging.js';

export interface PackageRequest {
  ids: readonly string[];
  formats: readonly PackageFormat[];
  /** --out; without it the config's packages.outDir, else packages/ beside the output folder. */
  outDir?: string;
  serialization: BagSerialization;
  editionBag?: boolean;
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
}

/**
 * "Packaged 2 documents into …: bagit 2 written, 0 unchanged; …; 0 errors; TEI validated here 0,
 * as the build validated them 2", the errors counted among the diagnostics shown.
 */
export function packageSummaryLine(outcome: PackageOutcome): string {
  const failed = outcome.diagnostics.filter((d) => d.severity === 'error').length;
  return `Packaged ${outcome.documents} document${outcome.documents === 1 ? '' : 's'} into ${outcome.outDir}: ${outcome.counts}; ${failed} error${failed === 1 ? '' : 's'}; TEI validated here ${outcome.checkedHere}, as the build validated them ${outcome.checkedByBuild}`;
}

/** Packages the edition (or the given ids) under one lock per packages folder: `cablekit package` and the build both come here. */
export async function packageEdition(config: CablekitConfig, rootDir: string, request: PackageRequest): Promise<PackageOutcome> {
  const outDir = resolve(request.outDir ?? (config.packages?.outDir !== undefined ? resolve(rootDir, config.packages.outDir) : resolve(config.outputDir, '..', 'packages')));
  const lockPath = resolve(outDir, '..', '.cablekit', 'package.lock');
  const lock = acquireLock(lockPath);
  if (!lock.acquired) throw new UsageError(`another cablekit package run is writing ${outDir} (process ${lock.holderPid}); wait for it, or delete ${lockPath} if it is gone`);
  try {
    const packaging = new Packaging(config, {
      formats: request.formats,
      outDir,
      bagSerialization: request.serialization,
      editionBag: request.editionBag ?? config.packages?.editionBag ?? false,
    });
    const { documents, diagnostics, checkedByBuild, checkedHere } = await readDocuments(config, rootDir, request.ids, (docs) => packaging.add(docs));
    const summary = await packaging.finish();
    const counts = request.formats.map((f) => `${f} ${summary.written[f] ?? 0} written, ${summary.unchanged[f] ?? 0} unchanged`).join('; ');
    return { outDir, documents, diagnostics: [...diagnostics, ...summary.diagnostics], counts, checkedByBuild, checkedHere };
  } finally {
    lock.release();
  }
}

/** Format names as given ('all' or names, in any order) → the formats, in the order `all` writes them. */
export function formatsOf(asked: readonly string[], where: string): PackageFormat[] {
  if (asked.includes('all')) return [...PACKAGE_FORMATS];
  for (const f of asked) {
    if (!(PACKAGE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown package format "${f}" in ${where}: use ${PACKAGE_FORMATS.join(', ')} or all`);
  }
  return PACKAGE_FORMATS.filter((f) => asked.includes(f));
}
