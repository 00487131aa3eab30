import type { BagSerialization } from '../../package/bagit/bagit-packages.js';
import type { PackageFormat } from '../../package/package-entry.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { formatsOf, packageEdition, packageSummaryLine } from '../package/package-edition.js';

export interface PackageCommandOptions {
  format: string;
  out?: string;
  serialization?: string;
  editionBag?: boolean;
  config?: string;
  verbose?: boolean;
  /** --jobs: worker threads (default: one per core, when the edition is large enough). */
  jobs?: number;
}

/** `cablekit package --format <f|all> [--out DIR] [ids…]`: deposit packages from the TEI and the build's outputs. */
export async function packageCommand(ids: string[], options: PackageCommandOptions): Promise<number> {
  const formats = parseFormats(options.format);
  const serialization = (options.serialization ?? 'dir') as BagSerialization;
  if (!['dir', 'zip', 'tar'].includes(serialization)) throw new UsageError(`--serialization must be dir, zip or tar, not "${serialization}"`);
  const { config, rootDir } = loadConfigOrFail(options.config, options.verbose);
  const outcome = await packageEdition(config, rootDir, {
    ids,
    formats,
    ...(options.out !== undefined ? { outDir: options.out } : {}),
    serialization,
    ...(options.editionBag !== undefined ? { editionBag: options.editionBag } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
  });
  printDiagnostics(outcome.diagnostics, { verbose: options.verbose ?? false });
  process.stderr.write(`${packageSummaryLine(outcome)}\n`);
  return outcome.diagnostics.some((d) => d.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}

export function parseFormats(value: string): PackageFormat[] {
  return formatsOf(value === 'all' ? ['all'] : value.split(',').map((s) => s.trim()), '--format');
}
