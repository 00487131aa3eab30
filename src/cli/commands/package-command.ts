import { resolve } from 'node:path';
import { acquireLock } from '../../fs/index.js';
import { PACKAGE_FORMATS, type BagSerialization, type PackageFormat } from '../../package/index.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { readDocuments } from '../package/read-documents.js';
import { runPackaging } from '../package/run-packaging.js';

export interface PackageCommandOptions {
  format: string;
  out?: string;
  serialization?: string;
  editionBag?: boolean;
  config?: string;
  verbose?: boolean;
}

/** `cablekit package --format <f|all> [--out DIR] [ids…]`: deposit packages from the TEI and the build's outputs. */
export async function packageCommand(ids: string[], options: PackageCommandOptions): Promise<number> {
  const formats = parseFormats(options.format);
  const serialization = (options.serialization ?? 'dir') as BagSerialization;
  if (!['dir', 'zip', 'tar'].includes(serialization)) throw new UsageError(`--serialization must be dir, zip or tar, not "${serialization}"`);
  const { config, rootDir } = loadConfigOrFail(options.config, options.verbose);
  const outDir = resolve(options.out ?? (config.packages?.outDir !== undefined ? resolve(rootDir, config.packages.outDir) : resolve(config.outputDir, '..', 'packages')));
  const lockPath = resolve(outDir, '..', '.cablekit', 'package.lock');
  const lock = acquireLock(lockPath);
  if (!lock.acquired) throw new UsageError(`another cablekit package run is writing ${outDir} (process ${lock.holderPid}); wait for it, or delete ${lockPath} if it is gone`);
  try {
    const { docs, diagnostics } = readDocuments(config, rootDir, ids);
    const summary = await runPackaging(docs, config, {
      formats,
      outDir,
      bagSerialization: serialization,
      editionBag: options.editionBag ?? config.packages?.editionBag ?? false,
    });
    const all = [...diagnostics, ...summary.diagnostics];
    printDiagnostics(all, { verbose: options.verbose ?? false });
    const failed = all.filter((d) => d.severity === 'error').length;
    const counts = formats.map((f) => `${f} ${summary.written[f] ?? 0} written, ${summary.unchanged[f] ?? 0} unchanged`).join('; ');
    process.stderr.write(`Packaged ${docs.length} document${docs.length === 1 ? '' : 's'} into ${outDir}: ${counts}; ${failed} error${failed === 1 ? '' : 's'}\n`);
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    lock.release();
  }
}

export function parseFormats(value: string): PackageFormat[] {
  if (value === 'all') return [...PACKAGE_FORMATS];
  const asked = value.split(',').map((s) => s.trim());
  for (const f of asked) {
    if (!(PACKAGE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown package format "${f}": use ${PACKAGE_FORMATS.join(', ')} or all`);
  }
  return PACKAGE_FORMATS.filter((f) => asked.includes(f));
}
