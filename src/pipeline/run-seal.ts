import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { CablekitConfig } from '../config/config.js';
import { formatDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { bookkeepingFiles, DEFAULT_NAMES_FILES, stateFile } from '../edition/layout.js';
import { sha256Hex } from '../fs/sha256.js';
import type { BuildReport, BuildSummary } from './build-report.js';
import { codeFilesUnder, toolRoots } from './tool-files.js';
import { TOOL_VERSION } from '../version.js';

/**
 * The seal of a build that found nothing to do: the stamps of everything such a build looks at —
 * settings, every input file, every folder holding outputs, the bookkeeping files — and what it
 * reported. The next build compares the seal with the disk before it loads the pipeline; when all
 * agree, nothing the build depends on has changed, and it says again what the sealed build said
 * (as make or ninja report "nothing to do" from timestamps, without redoing the work).
 *
 * Only a build that wrote and removed nothing (a hand edit it kept aside) and reported no problem
 * of its own is sealed, so the replayed report is the very report a full run gave, not a
 * reconstruction of it. Any doubt means a full run: a missing or different stamp, a file changed
 * too close to the sealed run's start to be trusted, a run that did not end.
 *
 * Reads stamps, writes nothing: the build command keeps the seal in `.cablekit/run-seal.json`
 * and the lines it printed in `.cablekit/run-seal-lines.json`.
 */

export const SEAL_VERSION = 2;

/** File times are coarser than the clock: a file changed this close before a run started may have been read either way. */
const SETTLE_MS = 2000;

export interface RunSeal {
  version: typeof SEAL_VERSION;
  /** The release, the resolved settings and the project root, hashed (cablekit's own files are in the stamps). */
  settings: string;
  /** The stamps of every input file and folder and output folder, hashed. */
  stamps: string;
  /** The paths whose stamps are in `stamps`, besides those the settings name (so a check stats exactly these, and lists nothing). */
  walks: SealWalks;
  /** The sealed build's counts (its time aside). */
  summary: Omit<BuildSummary, 'seconds'>;
  /**
   * A PostgreSQL store's generation when sealed (a SQLite store is a file, in the stamps): another
   * process may write that database, and a full build would then compare every record.
   */
  oaiGeneration?: string;
  /** Its errors, formatted, in order: all that `-q` prints, so a quiet check need not read the rest. */
  errorLines: string[];
  /** sha256 of the seal's lines file (`SealLines`), written beside it: a seal whose lines file is not that one does not hold. */
  linesSha256: string;
}

/**
 * Every diagnostic the sealed build printed, formatted, in order, each after its severity's first
 * letter and a space (so the default and -v filter them): at 10,000 documents some 10 MB, kept in
 * a file of its own that `-q` never reads.
 */
export interface SealLines {
  lines: string[];
}

/** Why a build may not be sealed, or undefined when it may. */
export function sealRefusal(report: BuildReport, config: CablekitConfig, extras: { searchRebuilt: boolean; force: boolean }): string | undefined {
  const s = report.summary;
  if (extras.force) return 'a forced build';
  if (extras.searchRebuilt) return 'the search index was made';
  if ((config.packages?.formats ?? []).length > 0) return 'packages are made by every build';
  // A hand-edited TEI file kept (a conflict) is the same decision on every build until it changes: sealed too.
  if (s.written > 0 || s.removed > 0) return 'the build wrote or removed files';
  const touched = [...report.documents.flatMap((d) => d.outputs), ...report.collectionOutputs].some((o) => o.action !== 'unchanged' && o.action !== 'kept-hand-edit');
  if (touched) return 'an output was not left as it was';
  // Findings about the run itself (a damaged cache, a failed write or sync) are not findings about the edition.
  if (report.diagnostics.some((d) => RUN_EVENTS.has(d.code) || d.severity === 'error')) return 'the run reported a problem of its own';
  return undefined;
}

/** Diagnostics that tell of one run, not of the edition: a run that reported one is not sealed. */
const RUN_EVENTS = new Set([
  'build/cache-unreadable',
  'build/ledger-unreadable',
  'build/temp-file-removed',
  'build/output-edit-replaced',
  'build/io-failed',
  'build/write-failed',
  'build/oai-sync-failed',
  'build/change-discovery-failed',
  'build/internal-error',
  'build/stage-failed',
  'discovery/store-unreadable',
  'discovery/log-unwritable',
  'discovery/write-failed',
]);

/** The release, the resolved settings and the project root (the code itself is in the stamps). */
export function sealSettings(config: CablekitConfig, rootDir: string): string {
  return sha256Hex(JSON.stringify([SEAL_VERSION, TOOL_VERSION, resolve(rootDir), config]));
}

/**
 * What the sealing build's walks found, relative to each walk's root (the root itself is ''): the
 * folders read on the way and the files taken. A file added, removed or renamed in a folder changes
 * that folder's time, so while every folder keeps its stamp a walk would find the same entries
 * again: the check stats these paths and lists no folder (listing the sources and TEI and hashing
 * their names cost about 0.08 s of CPU at 10,000 pages). Files edited in place keep their
 * folder's time, which is why the files are stamped too.
 */
export interface Walked {
  folders: string[];
  files: string[];
}

/** The walks a seal keeps: cablekit's own folders (as toolRoots names them), the sources, the TEI, the page images and the output (folders only). */
export interface SealWalks {
  tool: Walked[];
  sources: Walked;
  tei: Walked;
  images?: Walked;
  output: Walked;
}

/**
 * Stamps hashed as they are taken (tens of thousands at 10,000 documents: no list of them is
 * built), with the newest time seen. A stamp is the size, modification and change times and
 * inode, or a row no file can have for a path that is not there. The change time cannot be set
 * back (tar and npm set modification times, not it), so a file replaced by one of the same size
 * and time shows. Only the numbers are hashed: which paths they belong to is fixed by the settings
 * and by the walks, which the seal keeps itself.
 */
class StampHash {
  private readonly numbers = createHash('sha256');
  /** Numbers not yet hashed, four a stamp, as bytes (turning 160,000 numbers into text showed in the profile). */
  private readonly row = new Float64Array(4 * 1024);
  private filled = 0;
  newestMs = 0;

  /** `ownWrite`: a bookkeeping file the build itself writes, which no run reads as an input (its time is not weighed against the run's start). */
  add(path: string, ownWrite = false): void {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st === undefined) {
      this.row.fill(-1, this.filled, this.filled + 4);
    } else {
      const newest = st.mtimeMs > st.ctimeMs ? st.mtimeMs : st.ctimeMs;
      if (!ownWrite && newest > this.newestMs) this.newestMs = newest;
      this.row[this.filled] = st.size;
      this.row[this.filled + 1] = st.mtimeMs;
      this.row[this.filled + 2] = st.ctimeMs;
      this.row[this.filled + 3] = st.ino;
    }
    this.filled += 4;
    if (this.filled === this.row.length) this.flush();
  }

  /** Every folder, then every file, of a walk from `root`. */
  addWalked(root: string, walked: Walked): void {
    // Concatenated, not join()ed: the paths came from a walk, and normalising 40,000 of them showed in the profile.
    const prefix = root.endsWith(sep) ? root : root + sep;
    for (const list of [walked.folders, walked.files]) {
      for (const rel of list) this.add(rel === '' ? root : prefix + rel);
    }
  }

  private flush(): void {
    this.numbers.update(new Uint8Array(this.row.buffer, 0, this.filled * 8));
    this.filled = 0;
  }

  digest(): string {
    this.flush();
    return this.numbers.digest('hex');
  }
}

/**
 * The files under `dir` the build would take (as walkFiles lists them: no dot names, no links,
 * these extensions, or any file when none are given), sorted, and the folders read on the way,
 * relative to `dir`; each folder is read once with its entries' types.
 */
function walk(dir: string, extensions: readonly string[] | undefined): Walked {
  const walked: Walked = { folders: [], files: [] };
  const visit = (folder: string, rel: string, depth: number): void => {
    walked.folders.push(rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (extensions !== undefined && entry.name.startsWith('.')) continue;
      const name = rel === '' ? entry.name : rel + sep + entry.name;
      if (entry.isDirectory()) {
        if (depth < 32) visit(join(folder, entry.name), name, depth + 1);
      } else if (entry.isFile() && (extensions === undefined || extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))) {
        walked.files.push(name);
      }
    }
  };
  visit(dir, '', 0);
  return walked;
}

/** A folder and every folder in it, relative to it (no files: outputs are seen by their folders). */
export function foldersUnder(dir: string): string[] {
  const root = resolve(dir);
  const folders: string[] = [];
  const visit = (dir: string): void => {
    folders.push(relative(root, dir));
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) visit(join(dir, entry.name));
  };
  visit(root);
  return folders.sort();
}

/** What the walks of a sealing build find now. */
function walkAll(config: CablekitConfig): SealWalks {
  const tool = toolRoots().map((root) => {
    const folders: string[] = [];
    const files = codeFilesUnder(root, [], folders);
    const prefix = root + sep;
    const rel = (path: string): string => (path === root ? '' : path.slice(prefix.length));
    return { folders: folders.map(rel), files: files.map(rel) };
  });
  return {
    tool,
    sources: walk(config.sourcesDir, ['.txt']),
    tei: walk(config.teiDir, ['.xml']),
    // Page images may have any name: every file, and every folder (a removed image changes its folder).
    ...(config.imagesDir !== undefined ? { images: walk(config.imagesDir, undefined) } : {}),
    output: { folders: foldersUnder(config.outputDir), files: [] },
  };
}

/**
 * The stamps of everything a build with nothing to do looks at, hashed, and the newest time among
 * its inputs and outputs. Inputs: cablekit's own files, every source page and TEI file (as the
 * build lists them) and the folders they were listed from, the build state, the name register (or
 * the files it would be looked for in), the authority file, every page image and its folders.
 * Outputs: every folder holding an output (a file added, removed or renamed changes its folder's
 * time). And the bookkeeping files the build and the search index trust.
 */
export function currentStamps(config: CablekitConfig, rootDir: string, walks: SealWalks): { digest: string; newestMs: number } {
  const stamps = new StampHash();
  // cablekit's own code, schemas and data: a new or patched install is a change.
  const roots = toolRoots();
  if (roots.length !== walks.tool.length) return { digest: '', newestMs: Infinity };
  walks.tool.forEach((walked, i) => stamps.addWalked(roots[i] as string, walked));
  stamps.addWalked(config.sourcesDir, walks.sources);
  stamps.addWalked(config.teiDir, walks.tei);
  stamps.add(stateFile(config.teiDir));
  const names = config.namesFile !== undefined ? [config.namesFile] : DEFAULT_NAMES_FILES.map((n) => join(rootDir, n));
  for (const file of names) stamps.add(file);
  if (config.authorityFile !== undefined) stamps.add(config.authorityFile);
  if ((config.imagesDir === undefined) !== (walks.images === undefined)) return { digest: '', newestMs: Infinity };
  if (config.imagesDir !== undefined && walks.images !== undefined) stamps.addWalked(config.imagesDir, walks.images);
  const books = bookkeepingFiles(config.outputDir);
  // The build's own bookkeeping, written by the runs before this one (the cache too: replaced or
  // damaged, it is a full build that says so).
  for (const file of [books.buildCache, books.outputLedger, books.searchIndexState, books.changeLog, books.oaiDatabase, `${books.oaiDatabase}-wal`, books.teiJournal, books.runMarker, books.documentCache]) {
    stamps.add(file, true);
  }
  stamps.addWalked(resolve(config.outputDir), walks.output);
  return { digest: stamps.digest(), newestMs: stamps.newestMs };
}

/**
 * True when the seal still holds: same settings and the same stamps. (Every stamp was older than the
 * start of the sealed run by more than the clock's granularity when it was sealed, so equal stamps
 * mean files that have not been written since that run read them, and folders whose entries are
 * the ones the seal lists.)
 */
export function sealHolds(seal: RunSeal, config: CablekitConfig, rootDir: string): boolean {
  if (seal.version !== SEAL_VERSION || seal.settings !== sealSettings(config, rootDir)) return false;
  return currentStamps(config, rootDir, seal.walks).digest === seal.stamps;
}

/** What a sealed build prints again: its diagnostic lines as -q (errors only, from the seal), the default or -v (from its lines) shows them. */
export function replayedLines(seal: RunSeal, lines: SealLines | undefined, printing: { verbose: boolean; quiet: boolean }): string {
  let out = '';
  if (printing.quiet || lines === undefined) {
    for (const line of seal.errorLines) out += `${line}\n`;
    return out;
  }
  for (const line of lines.lines) if (printing.verbose || line[0] !== 'i') out += `${line.slice(2)}\n`;
  if (printing.verbose) {
    out += `${formatDiagnostic({
      code: 'build/nothing-changed',
      severity: 'info',
      message: 'nothing the build reads or writes has changed since the last build, which had nothing to do: its findings are shown again, and no work was redone',
    })}\n`;
  }
  return out;
}

/**
 * The seal of a build that found nothing to do: what it printed, its counts, and the stamps as they
 * are now; and the text of its lines file. None when a file was modified after the run started
 * (less the clock's granularity): the run may have read it before or after that change, so its
 * report cannot stand for the file as it is.
 */
export function makeSeal(
  report: BuildReport,
  config: CablekitConfig,
  rootDir: string,
  runStartedMs: number,
  oaiGeneration?: string,
): { seal: RunSeal; linesText: string } | undefined {
  // Walked before the stamps are taken: a folder changed in between has a time after the run's start.
  const walks = walkAll(config);
  const stamps = currentStamps(config, rootDir, walks);
  if (stamps.newestMs + SETTLE_MS >= runStartedMs) return undefined;
  const { seconds: _seconds, ...summary } = report.summary;
  const printed = [...report.documents.flatMap((doc) => doc.diagnostics), ...report.diagnostics];
  const sealLines: SealLines = { lines: printed.map((d) => `${(d.severity as Severity)[0]} ${formatDiagnostic(d)}`) };
  const linesText = JSON.stringify(sealLines);
  const seal: RunSeal = {
    version: SEAL_VERSION,
    settings: sealSettings(config, rootDir),
    stamps: stamps.digest,
    walks,
    summary,
    ...(oaiGeneration !== undefined ? { oaiGeneration } : {}),
    errorLines: printed.filter((d) => d.severity === 'error').map(formatDiagnostic),
    linesSha256: sha256Hex(linesText),
  };
  return { seal, linesText };
}
