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
import { PackageWriter } from './write-packages.js';

export interface PackagingOptions {
  formats: readonly PackageFormat[];
  outDir: string;
  bagSerialization: BagSerialization;
  editionBag: boolean;
}

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

/**
 * Makes and writes every requested format, each in its own folder, for documents handed in as they
 * are read. Every format but SAF's batch zip and the edition bag makes one package per document,
 * so those are written batch by batch (memory stays bounded, and the next documents are read
 * meanwhile); when either of the two is asked for, every document is kept until `finish`.
 */
export class Packaging {
  private readonly settings: PackageSettings;
  private readonly writer: PackageWriter;
  private readonly kept: PackageDocument[] | undefined;
  private rootWritten = false;
  readonly summary: PackagingSummary;

  constructor(config: CablekitConfig, private readonly options: PackagingOptions) {
    this.settings = packageSettings(config);
    this.writer = new PackageWriter(options.outDir);
    this.summary = { diagnostics: [], written: Object.fromEntries(options.formats.map((f) => [f, 0])), unchanged: Object.fromEntries(options.formats.map((f) => [f, 0])) };
    this.kept = options.formats.includes('saf') || (options.editionBag && options.formats.includes('bagit')) ? [] : undefined;
  }

  /** Documents read, in any order. */
  async add(docs: readonly PackageDocument[]): Promise<void> {
    if (this.kept) this.kept.push(...docs);
    else await this.write(docs);
  }

  /** Writes what was kept (in id order), then removes the temporary folder. */
  async finish(): Promise<PackagingSummary> {
    if (this.kept) {
      this.kept.sort((a, b) => (a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0));
      await this.write(this.kept);
    }
    this.writer.finish();
    return this.summary;
  }

  private async write(docs: readonly PackageDocument[]): Promise<void> {
    const { writer, summary } = this;
    for (const format of this.options.formats) {
      const before = { written: writer.written, unchanged: writer.unchanged };
      if (format === 'ocfl') {
        summary.diagnostics.push(...this.writeOcfl(docs));
      } else {
        const result = await makeFormat(format, docs, this.settings, this.options);
        summary.diagnostics.push(...result.diagnostics);
        for (const pkg of result.packages) writer.writePackage(format, pkg);
      }
      summary.written[format] = (summary.written[format] ?? 0) + writer.written - before.written;
      summary.unchanged[format] = (summary.unchanged[format] ?? 0) + writer.unchanged - before.unchanged;
    }
  }

  /** The storage root's declarations (once), then a new version for each object whose files changed. */
  private writeOcfl(docs: readonly PackageDocument[]): Diagnostic[] {
    const { writer } = this;
    if (!this.rootWritten) for (const f of storageRootFiles()) writer.writeFile('ocfl', f.path, f.bytes);
    this.rootWritten = true;
    const { updates, diagnostics } = ocflUpdates(docs, this.settings, (objectRoot) => readFileIfExists(join(writer.target('ocfl', objectRoot), 'inventory.json'))?.toString('utf8'));
    for (const update of updates) {
      if (update.version === undefined) writer.unchanged += 1;
      else writer.extendFolder('ocfl', update.objectRoot, update.files);
    }
    return diagnostics;
  }
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
