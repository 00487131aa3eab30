import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PackageFile } from './package-input.js';

/**
 * One package as it is written: a folder (or a single file, for archives) under `<out>/<format>/`.
 * `path` is the package's own name there; `files` are relative to it. A single-file package has one
 * file whose path is ''.
 */
export interface Package {
  path: string;
  /** Whether `path` names one file (a zip or tar) rather than a folder. */
  single: boolean;
  files: PackageFile[];
}

export interface PackageResult {
  packages: Package[];
  diagnostics: Diagnostic[];
}

/** The package formats `cablekit package --format` knows, in the order `all` writes them. */
export const PACKAGE_FORMATS = ['bagit', 'ocfl', 'mets', 'archivematica', 'saf'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];
