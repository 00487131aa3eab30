import { existsSync } from 'node:fs';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { readFileBounded } from '../../fs/index.js';
import { MAX_TEI_BYTES, reportTeiTooLarge, teiTextFromBytes } from '../../tei/index.js';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { collectInputs } from '../collect-inputs.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import type { CablekitConfig } from '../../config/config.js';
import { rightsUriFindings } from '../../dc/index.js';
import { validatorDeps, type ValidatorDeps } from '../pipeline-deps.js';
import { countBySeverity, printDiagnostics } from '../print-diagnostics.js';

export interface ValidateCommandOptions {
  config?: string;
  verbose?: boolean;
}

/** Validated files larger than this are refused unread: validation must stay within bounded memory. */
const MAX_VALIDATED_BYTES = 50 * 1024 * 1024;

/**
 * `cablekit validate [paths…]`: TEI (`.xml`) with the project's schema and rules, IIIF (`.json`)
 * with the official schema and cablekit's lint, Dublin Core (`.oai_dc.xml`, `.qdc.xml`) with the
 * project's XSDs, the edition's `cmif.xml` with schemas/cmif.rng. Without paths: the edition's TEI
 * folder and its IIIF, DC and CMIF output.
 */
export async function validateCommand(paths: string[], options: ValidateCommandOptions): Promise<number> {
  const edition = paths.length === 0 || options.config !== undefined ? loadConfigOrFail(options.config, options.verbose) : undefined;
  const files = paths.length > 0 ? collectInputs(paths, ['.xml', '.json']) : defaultTargets(edition!.config);
  if (files.length === 0) throw new UsageError('nothing to validate: no .xml or .json files found');
  const deps = validatorDeps();
  const diagnostics: Diagnostic[] = [];
  // The edition's settings are checked too when there is one: what aggregators make of its rights URI.
  if (edition) diagnostics.push(...rightsUriFindings(edition.config.rightsUri, portable(edition.configPath ?? 'cablekit.config.json')));
  for (const file of files) diagnostics.push(...validateOne(file, deps));
  printDiagnostics(diagnostics, { verbose: options.verbose ?? false });
  const { errors, warnings } = countBySeverity(diagnostics);
  const failedFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  process.stderr.write(
    `Validated ${files.length} file${files.length === 1 ? '' : 's'}: ${failedFiles} failed (${errors} errors, ${warnings} warnings)\n`,
  );
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

function portable(file: string): string {
  return relative(process.cwd(), file).split(sep).join('/') || file;
}

function defaultTargets(config: CablekitConfig): string[] {
  const targets: string[] = [];
  if (existsSync(config.teiDir)) targets.push(...collectInputs([config.teiDir], ['.xml']));
  const iiifDir = join(config.outputDir, 'iiif');
  if (existsSync(iiifDir)) targets.push(...collectInputs([iiifDir], ['.json']));
  const dcDir = join(config.outputDir, 'dc');
  if (existsSync(dcDir)) targets.push(...collectInputs([dcDir], ['.xml']));
  const cmif = join(config.outputDir, 'cmif.xml');
  if (existsSync(cmif)) targets.push(cmif);
  return targets;
}

function validateOne(file: string, deps: ValidatorDeps): Diagnostic[] {
  const path = relative(process.cwd(), file).split(sep).join('/') || file;
  const fail = (code: string, message: string): Diagnostic[] => [{ code, severity: 'error', message, file: path }];
  const name = file.toLowerCase();
  const isCmif = basename(name) === 'cmif.xml';
  const isTei = name.endsWith('.xml') && !name.endsWith('.oai_dc.xml') && !name.endsWith('.qdc.xml') && !isCmif;
  // The size is checked on the open file before anything is read: a huge file costs no memory.
  const limit = isTei ? MAX_TEI_BYTES : MAX_VALIDATED_BYTES;
  let bytes: Buffer;
  try {
    const read = readFileBounded(file, limit);
    if ('tooLarge' in read) {
      if (!isTei) return fail('cli/too-large', `the file is ${read.tooLarge} bytes; files over ${limit} bytes are not validated`);
      const bag = new DiagnosticBag(path);
      reportTeiTooLarge(read.tooLarge, bag);
      return bag.items;
    }
    bytes = read.bytes;
  } catch (error) {
    return fail('cli/unreadable', `cannot read the file: ${(error as Error).message}`);
  }
  if (isTei) {
    // Strict: bytes that are not UTF-8 are an error with their position, not U+FFFD.
    const bag = new DiagnosticBag(path);
    const text = teiTextFromBytes(bytes, bag);
    return text === undefined ? bag.items : deps.validateTei(text, path);
  }
  const text = bytes.toString('utf8');
  // Dublin Core records are named by the DC stage '<id>.oai_dc.xml' / '<id>.qdc.xml'; every other .xml is TEI.
  if (name.endsWith('.oai_dc.xml')) return deps.validateDc(text, 'oai_dc', path);
  if (name.endsWith('.qdc.xml')) return deps.validateDc(text, 'qdc', path);
  // The CMIF stage writes the edition's correspondence metadata as 'cmif.xml'.
  if (isCmif) return deps.validateCmif(text, path);
  if (name.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return fail('cli/invalid-json', `not valid JSON: ${(error as Error).message}`);
    }
    return deps.validateIiif(json, path);
  }
  return fail('cli/unknown-file-type', 'only .xml (TEI) and .json (IIIF) files can be validated');
}
