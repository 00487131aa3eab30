import { join } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readFileIfExists } from '../../fs/index.js';
// The formats' own modules, not the package index: that one also loads the TEI reader and
// validator, which only the threads that prepare documents need.
import { archivematicaPackages } from '../../package/archivematica/archivematica-packages.js';
import { bagitPackages, editionBag, type BagSerialization } from '../../package/bagit/bagit-packages.js';
import { metsPackages } from '../../package/mets/mets-packages.js';
import { ocflUpdates } from '../../package/ocfl/ocfl-packages.js';
import { storageRootFiles } from '../../package/ocfl/storage-layout.js';
import type { PackageFormat, PackageResult } from '../../package/package-entry.js';
import type { PackageDocument, PackageSettings } from '../../package/package-input.js';
import { safPackages } from '../../package/saf/saf-packages.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { PackageWriter } from './write-packages.js';

export interface PackagingOptions {
  formats: readonly PackageFormat[];
  outDir: string;
  bagSerialization: BagSerialization;
  editionBag: boolean;
  /** Per format, whether its folder was there when the run began (write-packages.ts, startPackageRun). */
  existed: Readonly<Record<string, boolean>>;
}

export interface PackagingCounts {
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

export function noCounts(formats: readonly string[]): PackagingCounts {
  return { diagnostics: [], written: Object.fromEntries(formats.map((f) => [f, 0])), unchanged: Object.fromEntries(formats.map((f) => [f, 0])) };
}

export function addCounts(into: PackagingCounts, from: PackagingCounts): void {
  into.diagnostics.push(...from.diagnostics);
  for (const [f, n] of Object.entries(from.written)) into.written[f] = (into.written[f] ?? 0) + n;
  for (const [f, n] of Object.entries(from.unchanged)) into.unchanged[f] = (into.unchanged[f] ?? 0) + n;
}

/**
 * Makes and writes packages in one thread, through a writer of its own. A package per document
 * (bags, OCFL objects, METS, Archivematica transfers) depends on that document alone, so any
 * thread may write any batch of documents (`writeDocuments`); what needs every document — SAF's
 * batch zip and the edition bag — and the OCFL storage root's declarations are written once, by
 * the run's own thread (`writeWholeEdition`, `writeStorageRoot`).
 */
export class Packager {
  private readonly writer: PackageWriter;

  constructor(
    private readonly settings: PackageSettings,
    private readonly options: PackagingOptions,
  ) {
    this.writer = new PackageWriter(options.outDir, options.existed);
  }

  /** The formats whose packages are made a document at a time (SAF's items come with its zip). */
  get perDocument(): Exclude<PackageFormat, 'saf'>[] {
    return this.options.formats.filter((f): f is Exclude<PackageFormat, 'saf'> => f !== 'saf');
  }

  /** Every package of these documents in the per-document formats, format by format, documents in the order given. */
  async writeDocuments(docs: readonly PackageDocument[]): Promise<PackagingCounts> {
    const formats = this.perDocument;
    return this.counted(formats, async (format) => {
      if (format === 'ocfl') return this.writeOcfl(docs);
      const result = await makeFormat(format, docs, this.settings, this.options.bagSerialization);
      for (const pkg of result.packages) this.writer.writePackage(format, pkg);
      return result.diagnostics;
    });
  }

  /** SAF (item folders and import.zip) and the edition bag, from every document of the run (in id order). */
  async writeWholeEdition(docs: readonly PackageDocument[]): Promise<PackagingCounts> {
    const formats = this.options.formats.filter((f) => f === 'saf' || (f === 'bagit' && this.options.editionBag));
    return this.counted(formats, async (format) => {
      const result = format === 'saf' ? await safPackages(docs, this.settings) : await editionBag(docs, this.settings, this.options.bagSerialization);
      for (const pkg of result.packages) this.writer.writePackage(format, pkg);
      return result.diagnostics;
    });
  }

  /** The storage root's declarations, written where they differ. */
  writeStorageRoot(): void {
    for (const f of storageRootFiles()) this.writer.writeFile('ocfl', f.path, f.bytes);
  }

  private async counted<F extends PackageFormat>(formats: readonly F[], write: (format: F) => Promise<Diagnostic[]> | Diagnostic[]): Promise<PackagingCounts> {
    const { writer } = this;
    const counts = noCounts(formats);
    for (const format of formats) {
      const before = { written: writer.written, unchanged: writer.unchanged };
      counts.diagnostics.push(...(await write(format)));
      counts.written[format] = writer.written - before.written;
      counts.unchanged[format] = writer.unchanged - before.unchanged;
    }
    return counts;
  }

  /**
   * A new version for each object whose files changed, a document at a time: of two TEI files
   * with one id, the later one's version then follows the earlier's, in whatever batch each is.
   */
  private writeOcfl(docs: readonly PackageDocument[]): Diagnostic[] {
    const { writer } = this;
    const diagnostics: Diagnostic[] = [];
    for (const doc of docs) {
      const result = ocflUpdates([doc], this.settings, (objectRoot) => readFileIfExists(join(writer.target('ocfl', objectRoot), 'inventory.json'))?.toString('utf8'));
      diagnostics.push(...result.diagnostics);
      for (const update of result.updates) {
        if (update.version === undefined) writer.unchanged += 1;
        else writer.extendFolder('ocfl', update.objectRoot, update.files);
      }
    }
    return diagnostics;
  }
}

function makeFormat(format: Exclude<PackageFormat, 'ocfl' | 'saf'>, docs: readonly PackageDocument[], settings: PackageSettings, serialization: BagSerialization): Promise<PackageResult> | PackageResult {
  switch (format) {
    case 'bagit':
      return bagitPackages(docs, settings, { serialization, editionBag: false });
    case 'mets':
      return metsPackages(docs, settings);
    case 'archivematica':
      return archivematicaPackages(docs);
  }
}
