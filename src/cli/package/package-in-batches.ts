import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PackageRunner } from './package-runner.js';
import type { PreparedSummary } from './package-jobs.js';
import type { TeiFile } from './read-documents.js';
import { addCounts, noCounts, type EditionRecord, type PackagingCounts } from './run-packaging.js';

/** Documents per job with one thread: enough to make the per-call work small, few enough to bound memory. */
const BATCH = 32;
/** Batches between being read and being written, per thread: keeps every worker busy, memory bounded. */
const BATCHES_IN_FLIGHT_PER_THREAD = 3;

export interface BatchesRead {
  /** Documents that can be packaged (handed on to be written). */
  documents: number;
  /** The reading's diagnostics in file order, then the writing's in batch order. */
  diagnostics: Diagnostic[];
  counts: PackagingCounts;
  /** TEI files taken as the build validated them, and those validated here. */
  checkedByBuild: number;
  checkedHere: number;
  /** What SAF's zip and the edition bag need of each document written, in file order (no bytes). */
  records: EditionRecord[];
}

export interface BatchOptions {
  /** Ids asked for (matched on the decoded id, else on the file name); empty: every document. */
  wanted: ReadonlySet<string>;
  /** The TEI folder as the unknown-id error names it. */
  teiDirName: string;
  formats: readonly string[];
  /** Called once, before the first documents are written (the OCFL storage root). */
  beforeFirstWrite: () => void;
}

/**
 * Reads and writes the TEI files in batches through the runner: several batches are read at once
 * and written as soon as they are read, but they are taken back in file order, so diagnostics,
 * counts and the kept documents come out in the same order whatever the number of threads. Every
 * package depends on its document alone, except when two TEI files carry one id: then the later
 * file's packages are written only after the earlier's (its bag replaces the other, its OCFL
 * version follows the other), as one thread would do them.
 */
export async function packageInBatches(files: readonly TeiFile[], runner: PackageRunner, options: BatchOptions): Promise<BatchesRead> {
  const threads = Math.max(1, runner.workers);
  const size = runner.workers === 0 ? BATCH : Math.min(BATCH, Math.max(1, Math.ceil(files.length / (threads * 4))));
  const batches: TeiFile[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const window = threads * BATCHES_IN_FLIGHT_PER_THREAD;

  const read: BatchesRead = { documents: 0, diagnostics: [], counts: noCounts(options.formats), checkedByBuild: 0, checkedHere: 0, records: [] };
  const found = new Set<string>();
  const prepared: Promise<{ thread: number; prepared: PreparedSummary[] } | Error>[] = [];
  const written: Promise<PackagingCounts>[] = [];
  const lastWriteOf = new Map<string, Promise<unknown>>();
  let firstWrite = true;

  for (let k = 0; k < batches.length; k += 1) {
    // Reading runs ahead of the batch taken now, as far as the window allows.
    for (let next = prepared.length; next < batches.length && next < k + window; next += 1) {
      prepared.push(runner.prepare({ batch: next, files: batches[next] as TeiFile[] }).catch((error: unknown) => asError(error)));
    }
    // Memory: no more batches are held between reading and writing than the window.
    if (k >= window) await written[k - window];
    const result = await (prepared[k] as Promise<{ thread: number; prepared: PreparedSummary[] } | Error>);
    if (result instanceof Error) {
      read.diagnostics.push(failed(`These TEI files could not be read for packaging: ${(batches[k] as TeiFile[]).map((f) => f.teiPath).join(', ')}: ${result.message}`));
      continue;
    }
    const take: number[] = [];
    const ids = new Set<string>();
    result.prepared.forEach((file, at) => {
      if (options.wanted.size > 0) {
        const id = file.id ?? file.stem;
        if (!options.wanted.has(id)) return;
        found.add(id);
      }
      read.diagnostics.push(...file.diagnostics);
      if (file.trusted) read.checkedByBuild += 1;
      else read.checkedHere += 1;
      if (file.id === undefined) return;
      take.push(at);
      ids.add(file.id);
    });
    read.documents += take.length;
    if (take.length > 0 && firstWrite) {
      options.beforeFirstWrite();
      firstWrite = false;
    }
    // Sent even with nothing to take: the thread drops the batch it holds.
    const before = [...ids].flatMap((id) => lastWriteOf.get(id) ?? []);
    const write = Promise.all(before)
      .then(() => runner.write(result.thread, { batch: k, take }))
      .catch((error: unknown) => ({ ...noCounts([]), diagnostics: [failed(`The packages of ${[...ids].join(', ')} were not written: ${asError(error).message}`)] }));
    for (const id of ids) lastWriteOf.set(id, write);
    written[k] = write;
  }
  for (const counts of await Promise.all(written.filter((w) => w !== undefined))) {
    addCounts(read.counts, counts);
    if (counts.records) read.records.push(...counts.records);
  }
  for (const id of options.wanted) {
    if (!found.has(id)) read.diagnostics.push({ code: 'package/unknown-id', severity: 'error', message: `No TEI file in ${options.teiDirName} has the id "${id}".`, hint: "Give ids as in the TEI files' xml:id." });
  }
  return read;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function failed(message: string): Diagnostic {
  return { code: 'package/failed', severity: 'error', message, hint: 'Correct what the message names, then package again; packages written before are whole and in place.' };
}
