import { join } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readFileIfExists } from '../../fs/index.js';
import {
  archivematicaPackages,
  bagitPackages,
  metsPackages,
  ocflUpdates,
  safPackages,
  storageRootFiles,
  type BagSerialization,
  type PackageDocument,
  type PackageFormat,
  type PackageResult,
  type PackageSettings,
} from '../../package/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { eachBounded } from './each-bounded.js';
import { PackageWriter } from './write-packages.js';

export interface PackagingOptions {
  formats: readonly PackageFormat[];
  outDir: string;
  bagSerialization: BagSerialization;
  editionBag: boolean;
}

/** Packages written at once: enough to keep libuv's four threads busy, few enough to bound open files. */
const WRITES_AT_ONCE = 8;

export interface PackagingSummary {
  diagnostics: Diagnostic[];
  /** Packages written or changed, per format (OCFL: objects given a new version). */
  written: Record<string, number>;
  unchanged: Record<string, number>;
}

export function packageSettings(config: CablekitConfig): PackageSettings {
  const settings: PackageSettings = {
    organisation: config.publisher,
    organisationUri: config.provider.homepage,
    baseUrl: config.baseUrl,
    collectionName: config.collectionName,
    rightsUri: config.rightsUri,
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
  };
  if (config.packages?.safCollection !== undefined) settings.safCollection = config.packages.safCollection;
  return settings;
}

/** Makes and writes every requested format for the documents; each format in its own folder. */
export async function runPackaging(docs: readonly PackageDocument[], config: CablekitConfig, options: PackagingOptions): Promise<PackagingSummary> {
  const settings = packageSettings(config);
  const writer = new PackageWriter(options.outDir);
  const summary: PackagingSummary = { diagnostics: [], written: {}, unchanged: {} };
  for (const format of options.formats) {
    const before = { written: writer.written, unchanged: writer.unchanged };
    if (format === 'ocfl') {
      summary.diagnostics.push(...(await writeOcfl(docs, settings, writer)));
    } else {
      const result = await makeFormat(format, docs, settings, options);
      summary.diagnostics.push(...result.diagnostics);
      await eachBounded(result.packages, WRITES_AT_ONCE, (pkg) => writer.writePackage(format, pkg));
    }
    summary.written[format] = writer.written - before.written;
    summary.unchanged[format] = writer.unchanged - before.unchanged;
  }
  writer.finish();
  return summary;
}

function makeFormat(format: Exclude<PackageFormat, 'ocfl'>, docs: readonly PackageDocument[], settings: PackageSettings, options: PackagingOptions): Promise<PackageResult> | PackageResult {
  switch (format) {
    case 'bagit':
      return bagitPackages(docs, settings, { serialization: options.bagSerialization, editionBag: options.editionBag });
    case 'mets':
      return metsPackages(docs, settings);
    case 'archivematica':
      return archivematicaPackages(docs);
    case 'saf':
      return safPackages(docs, settings);
  }
}

/** The storage root's declarations, then a new version for each object whose files changed. */
async function writeOcfl(docs: readonly PackageDocument[], settings: PackageSettings, writer: PackageWriter): Promise<Diagnostic[]> {
  for (const f of storageRootFiles()) writer.writeFile('ocfl', f.path, f.bytes);
  const { updates, diagnostics } = ocflUpdates(docs, settings, (objectRoot) => readFileIfExists(join(writer.target('ocfl', objectRoot), 'inventory.json'))?.toString('utf8'));
  writer.unchanged += updates.filter((u) => u.version === undefined).length;
  await eachBounded(
    updates.filter((u) => u.version !== undefined),
    WRITES_AT_ONCE,
    (update) => writer.extendFolder('ocfl', update.objectRoot, update.files),
  );
  return diagnostics;
}
