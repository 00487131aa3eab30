import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
// The formats' own modules, not the package index: that one also loads the TEI reader and
// validator, which only the threads that prepare documents need.
import { archivematicaPackages } from '../../package/archivematica/archivematica-packages.js';
import { streamTar } from '../../package/archive/tar-stream-writer.js';
import { streamZip, type ArchiveSource } from '../../package/archive/zip-stream.js';
import { bagitPackages, EDITION_BAG, editionBagPayload, editionBagTags, type BagSerialization } from '../../package/bagit/bagit-packages.js';
import type { BagEntry } from '../../package/bagit/build-bag.js';
import { digestHex } from '../../package/digest.js';
import { metsPackages } from '../../package/mets/mets-packages.js';
import { ocflUpdates } from '../../package/ocfl/ocfl-packages.js';
import { storageRootFiles } from '../../package/ocfl/storage-layout.js';
import type { PackageFormat, PackageResult } from '../../package/package-entry.js';
import type { PackageDocument, PackageSettings } from '../../package/package-input.js';
import { SAF_ZIP, safItem, safZipEntries } from '../../package/saf/saf-packages.js';
import { safeName } from '../../package/safe-name.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { readStoredObject } from './stored-object.js';
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
  /** What SAF's import.zip and the edition bag need of each document written, in the order written. */
  records?: EditionRecord[];
}

/**
 * A document as the packages of the whole edition need it, without its bytes: they are read back
 * from its SAF item folder and from its payload staged for the edition bag, one file at a time.
 */
export interface EditionRecord {
  /** Its safe name: the item folder, the edition bag's data/<name>/. */
  name: string;
  revisedAt: string;
  /** Its SAF item folder's files, when SAF is written. */
  saf?: string[];
  /** Its payload in the edition bag ('data/<name>/…'), when the edition bag is written. */
  bag?: BagEntry[];
}

/** Where the run's threads put the edition bag's payload, in the run's temporary area, until its tag files join it. */
const EDITION_STAGE = 'edition-bag';

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
 * (bags, OCFL objects, METS, Archivematica transfers, SAF items) depends on that document alone, so
 * any thread may write any batch of documents (`writeDocuments`); what needs every document — SAF's
 * batch zip and the edition bag — and the OCFL storage root's declarations are written once, by
 * the run's own thread (`writeWholeEdition`, `writeStorageRoot`), from what the threads wrote: the
 * run never holds every document's bytes.
 */
export class Packager {
  private readonly writer: PackageWriter;

  constructor(
    private readonly settings: PackageSettings,
    private readonly options: PackagingOptions,
  ) {
    this.writer = new PackageWriter(options.outDir, options.existed);
  }

  private get stagesEditionBag(): boolean {
    return this.options.editionBag && this.options.formats.includes('bagit');
  }

  /** Every package of these documents, format by format, documents in the order given. */
  async writeDocuments(docs: readonly PackageDocument[]): Promise<PackagingCounts> {
    const { formats } = this.options;
    const records = formats.includes('saf') || this.stagesEditionBag ? docs.map((doc): EditionRecord => ({ name: safeName(doc.cable.id), revisedAt: doc.revisedAt })) : undefined;
    const counts = await this.counted(formats, async (format) => {
      if (format === 'ocfl') return this.writeOcfl(docs);
      if (format === 'saf') {
        docs.forEach((doc, i) => {
          const item = safItem(doc, this.settings);
          this.writer.writePackage('saf', item);
          (records?.[i] as EditionRecord).saf = item.files.map((f) => f.path);
        });
        return [];
      }
      const result = await makeFormat(format, docs, this.settings, this.options.bagSerialization);
      for (const pkg of result.packages) this.writer.writePackage(format, pkg);
      if (format === 'bagit' && this.stagesEditionBag) docs.forEach((doc, i) => ((records?.[i] as EditionRecord).bag = this.stageForEditionBag(doc)));
      return result.diagnostics;
    });
    return records ? { ...counts, records } : counts;
  }

  /** A document's payload written where the edition bag is put together; its entries for the bag's manifests. */
  private stageForEditionBag(doc: PackageDocument): BagEntry[] {
    const files = editionBagPayload(doc).map((f) => ({ path: `data/${f.path}`, bytes: f.bytes }));
    this.writer.stage(EDITION_STAGE, `data/${safeName(doc.cable.id)}`, files);
    return files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: digestHex('sha256', f.bytes), sha512: digestHex('sha512', f.bytes) }));
  }

  /**
   * SAF's import.zip and the edition bag, from what every thread wrote of the run's documents
   * (of two documents with one name, the later, as in the item folder and the bags), streamed
   * a file at a time.
   */
  async writeWholeEdition(records: readonly EditionRecord[]): Promise<PackagingCounts> {
    const byName = new Map<string, EditionRecord>();
    for (const r of records) byName.set(r.name, r);
    const formats = this.options.formats.filter((f) => f === 'saf' || (f === 'bagit' && this.options.editionBag));
    return this.counted(formats, async (format) => {
      const docs = [...byName.values()].filter((r) => (format === 'saf' ? r.saf : r.bag) !== undefined);
      if (docs.length === 0) return [];
      const latest = docs.map((d) => d.revisedAt).sort().at(-1) as string;
      if (format === 'saf') {
        const entries = safZipEntries(docs.map((d) => ({ name: d.name, files: d.saf ?? [] })));
        const zip = await this.streamed((sink) => streamZip(entries.map((path) => ({ path, read: () => readFileSync(this.writer.target('saf', path)) })), latest, sink));
        this.writer.placeFile('saf', SAF_ZIP, zip);
        return [];
      }
      const data = docs.flatMap((d) => d.bag ?? []).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const tags = editionBagTags(data, this.settings, docs.length, latest);
      const staged = this.writer.staged(EDITION_STAGE);
      const as = this.options.bagSerialization;
      if (as === 'dir') {
        for (const t of tags) writeFileSync(join(staged, t.path), t.bytes);
        this.writer.placeFolder('bagit', EDITION_BAG, staged);
        return [];
      }
      const sources: ArchiveSource[] = [...tags.map((t) => ({ path: t.path, read: () => t.bytes })), ...data.map((d) => ({ path: d.path, read: () => readFileSync(join(staged, ...d.path.split('/'))) }))]
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map((f) => ({ path: `${EDITION_BAG}/${f.path}`, read: f.read }));
      const archive = await this.streamed((sink) => (as === 'zip' ? streamZip(sources, latest, sink) : streamTar(sources, latest, sink)));
      this.writer.placeFile('bagit', `${EDITION_BAG}.${as}`, archive);
      return [];
    });
  }

  /** A file of the temporary area written through `write`: its path. */
  private async streamed(write: (sink: (bytes: Uint8Array) => void) => Promise<void>): Promise<string> {
    const path = this.writer.freshPath();
    const fd = openSync(path, 'w');
    try {
      await write((bytes) => {
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      });
    } finally {
      closeSync(fd);
    }
    return path;
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
      const result = ocflUpdates([doc], this.settings, (objectRoot) => readStoredObject(writer.target('ocfl', objectRoot)));
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
