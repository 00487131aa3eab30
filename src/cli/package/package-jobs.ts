import type { PackageDocument, PackageSettings } from '../../package/index.js';
import { prepareTeiFiles, type DocumentFolders, type PreparedFile, type TeiFile } from './read-documents.js';
import { Packager, type PackagingCounts, type PackagingOptions } from './run-packaging.js';

/** What every job of a packaging run shares; plain data, handed to each worker thread as it starts. */
export interface PackageJobContext {
  folders: DocumentFolders;
  settings: PackageSettings;
  options: PackagingOptions;
}

/** The two kinds of work a run hands out, with what each gives back. */
export interface PackageJobs {
  /** Read TEI files and what belongs to them, validate and decode: documents ready to package. */
  prepare: [TeiFile[], PreparedFile[]];
  /** Make and write the per-document packages of these documents. */
  write: [PackageDocument[], PackagingCounts];
}
export type PackageJobKind = keyof PackageJobs;
export interface PackageJobMessage<K extends PackageJobKind = PackageJobKind> {
  kind: K;
  input: PackageJobs[K][0];
}

/** Runs jobs with one packager (one writer) for the thread: the same code in the run's own thread and in a worker. */
export function packageJobs(ctx: PackageJobContext): <K extends PackageJobKind>(message: PackageJobMessage<K>) => Promise<PackageJobs[K][1]> {
  let packager: Packager | undefined;
  return async (message) => {
    if (message.kind === 'prepare') return prepareTeiFiles(message.input as TeiFile[], ctx.folders) as PackageJobs[typeof message.kind][1];
    packager ??= new Packager(ctx.settings, ctx.options);
    return (await packager.writeDocuments(message.input as PackageDocument[])) as PackageJobs[typeof message.kind][1];
  };
}
