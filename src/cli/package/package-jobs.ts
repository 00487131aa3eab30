import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PackageDocument, PackageSettings } from '../../package/package-input.js';
import { prepareTeiFiles, type DocumentFolders, type TeiFile } from './read-documents.js';
import { Packager, type PackagingCounts, type PackagingOptions } from './run-packaging.js';

/** What every job of a packaging run shares; plain data, handed to each worker thread as it starts. */
export interface PackageJobContext {
  folders: DocumentFolders;
  settings: PackageSettings;
  options: PackagingOptions;
}

/** A TEI file as read by a thread: what the run's own thread needs to know of it. */
export interface PreparedSummary {
  stem: string;
  /** The decoded document's id, when it can be packaged. */
  id?: string;
  trusted: boolean;
  diagnostics: Diagnostic[];
}

/**
 * The two kinds of work a run hands out, with what each gives back. A batch's documents stay in
 * the thread that read them until it writes them: copying their bytes between threads cost more
 * than the work it shared.
 */
export interface PackageJobs {
  /** Read TEI files and what belongs to them, validate and decode, and hold the documents. */
  prepare: [{ batch: number; files: TeiFile[] }, PreparedSummary[]];
  /** Write the packages of the held batch's documents at these places (of its files), then drop the batch. */
  write: [{ batch: number; take: number[] }, PackagingCounts];
}
export type PackageJobKind = keyof PackageJobs;
export interface PackageJobMessage<K extends PackageJobKind = PackageJobKind> {
  kind: K;
  input: PackageJobs[K][0];
}

/** Runs jobs with one packager (one writer) for the thread: the same code in the run's own thread and in a worker. */
export function packageJobs(ctx: PackageJobContext): <K extends PackageJobKind>(message: PackageJobMessage<K>) => Promise<PackageJobs[K][1]> {
  let packager: Packager | undefined;
  const held = new Map<number, (PackageDocument | undefined)[]>();
  return async (message) => {
    if (message.kind === 'prepare') {
      const { batch, files } = message.input as PackageJobs['prepare'][0];
      const prepared = prepareTeiFiles(files, ctx.folders);
      held.set(
        batch,
        prepared.map((p) => p.doc),
      );
      const summaries: PreparedSummary[] = prepared.map((p) => ({ stem: p.stem, trusted: p.trusted, diagnostics: p.diagnostics, ...(p.doc ? { id: p.doc.cable.id } : {}) }));
      return summaries as PackageJobs[typeof message.kind][1];
    }
    const { batch, take } = message.input as PackageJobs['write'][0];
    const docs = held.get(batch);
    held.delete(batch);
    if (docs === undefined) throw new Error(`batch ${batch} is not held by this thread (was its worker restarted?)`);
    packager ??= new Packager(ctx.settings, ctx.options);
    return (await packager.writeDocuments(take.flatMap((i) => docs[i] ?? []))) as PackageJobs[typeof message.kind][1];
  };
}
