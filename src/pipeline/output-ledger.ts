import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { bookkeepingFiles } from '../edition/layout.js';
import { readFileIfExists, sha256Hex, toPortableRelative, writeIfChanged } from '../fs/index.js';
import type { BuildContext } from './build-context.js';
import type { OutputRecord } from './build-report.js';
import { documentIdOfOutput, resolveOutputPath } from './output-path.js';
import type { SortedLedger } from './sorted-ledger.js';

/**
 * Output files the build wrote last time, by path relative to the output folder, with their sha256.
 * A Map, not an object: an object of 100,000 keys falls into V8's slow dictionary mode.
 */
export type OutputLedger = Map<string, string>;

/**
 * Kept beside the OAI store, outside the published folder: `<outputDir>/../.cablekit/outputs.sha256`,
 * in the format of coreutils' `sha256sum` (so `cd output && sha256sum -c ../.cablekit/outputs.sha256`
 * checks every output against what the build wrote). Earlier versions kept it as a JSON object
 * (`outputs.json`): read when the new file is not there yet, removed once it is written. Parsing
 * that object took 0.8 s at 10,000 documents (180,000 files), the lines 0.14 s.
 */
export function outputLedgerPath(outputDir: string): string {
  return bookkeepingFiles(outputDir).outputLedger;
}

export function readOutputLedger(path: string): OutputLedger {
  return readOutputLedgerChecked(path).ledger;
}

/** The ledger as read, and whether the file was there but damaged (not in its format): read as empty then. */
export interface LedgerRead {
  ledger: OutputLedger;
  damaged: boolean;
}

/** The JSON ledger of earlier versions, beside the current one. */
export function legacyLedgerPath(path: string): string {
  return join(dirname(path), 'outputs.json');
}

export function readOutputLedgerChecked(path: string): LedgerRead {
  let bytes: Buffer | undefined;
  let legacy = false;
  try {
    bytes = readFileIfExists(path);
    if (bytes === undefined) {
      bytes = readFileIfExists(legacyLedgerPath(path));
      legacy = bytes !== undefined;
    }
  } catch (error) {
    throw new Error(`cannot read the outputs ledger ${path}`, { cause: error });
  }
  if (bytes === undefined) return { ledger: new Map(), damaged: false };
  const ledger = legacy ? parseLegacyLedger(bytes.toString('utf8')) : parseLedger(bytes.toString('utf8'));
  return ledger === undefined ? { ledger: new Map(), damaged: true } : { ledger, damaged: false };
}

const SHA256_LINE = /^(\\?)([0-9a-f]{64}) [ *](.*)$/s;

/** `sha256sum` lines, or undefined when a line is not one. */
export function parseLedger(text: string): OutputLedger | undefined {
  const ledger: OutputLedger = new Map();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    // The common line, taken apart without a regular expression: 64 hex digits, two spaces, the path.
    if (line.charCodeAt(64) === 32 && line.charCodeAt(65) === 32 && line.charCodeAt(0) !== 92 && isHex64(line)) {
      ledger.set(line.slice(66), line.slice(0, 64));
      continue;
    }
    const match = SHA256_LINE.exec(line);
    if (match === null) return undefined;
    const [, escaped, sha, name] = match as unknown as [string, string, string, string];
    ledger.set(escaped === '' ? name : unescapeName(name), sha);
  }
  return ledger;
}

function isHex64(line: string): boolean {
  for (let i = 0; i < 64; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** As sha256sum writes a name holding a backslash, a line feed or a carriage return (the line then starts with a backslash). */
function escapeName(name: string): string {
  return name.replace(/[\\\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'));
}

function unescapeName(name: string): string {
  return name.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

function parseLegacyLedger(text: string): OutputLedger | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    const ledger: OutputLedger = new Map();
    for (const [file, sha] of Object.entries(data as Record<string, unknown>)) if (typeof sha === 'string') ledger.set(file, sha);
    return ledger;
  } catch {
    return undefined;
  }
}

/**
 * Files of the last build that no stage produced this time (a document left the corpus, a
 * collection emptied) and that still hold exactly what the build wrote. Pure. Files someone
 * changed since are left alone; nothing outside the ledger is ever considered.
 */
export function staleOutputs(previous: OutputLedger, produced: ReadonlyMap<string, string>, currentSha: (path: string) => string | undefined): string[] {
  return [...previous.keys()].filter((path) => !produced.has(path) && currentSha(path) === previous.get(path)).sort();
}

/**
 * Removes stale outputs and records what this build produced. When some stage failed, its
 * files were not produced on purpose: nothing is removed and the old entries are carried over.
 * `last`: the ledger as this run found it (readOutputLedgerChecked).
 */
export function reconcileOutputs(ctx: BuildContext, produced: ReadonlyMap<string, string>, complete: boolean, last: LedgerRead): { records: OutputRecord[]; ledger: OutputLedger; removed: number } {
  const { config, rootDir } = ctx.options;
  const ledgerPath = outputLedgerPath(config.outputDir);
  const { ledger: previous, damaged } = last;
  if (damaged) {
    // The same rule as a damaged build state: said, then rebuilt from this run.
    ctx.globalDiagnostics.push({
      code: 'build/ledger-unreadable',
      severity: 'warning',
      message: 'the outputs ledger is damaged: outputs of the last build that this one no longer makes cannot be told, so none were removed; the ledger is written anew',
      hint: 'remove outputs that should be gone by hand, or delete the output folder and build again',
      file: toPortableRelative(rootDir, ledgerPath),
    });
  }
  const records: OutputRecord[] = [];
  let removed = 0;
  const next = new Map(produced);
  // Outputs of documents held back (invalid TEI) are not produced this run, on purpose: keep them.
  if (ctx.heldBack.size > 0) {
    const ids = new Set(ctx.byId.keys());
    for (const [path, sha] of previous) {
      if (next.has(path)) continue;
      const owner = documentIdOfOutput(path, ids);
      if (owner !== undefined && ctx.heldBack.has(owner)) next.set(path, sha);
    }
  }
  if (complete) {
    removed = removeOutputs(ctx, staleOutputs(previous, next, (path) => currentSha(config.outputDir, path)), records);
  } else {
    for (const [path, sha] of previous) if (!next.has(path)) next.set(path, sha);
  }
  writeIfChanged(ledgerPath, serializeLedger(next));
  // Its content is in the current ledger now.
  rmSync(legacyLedgerPath(ledgerPath), { force: true });
  return { records, ledger: next, removed };
}

/**
 * The same reconciling for a complete run with no document held back, by difference, when the
 * ledger as found is the one the last run wrote listing exactly its outputs (`last`): then every
 * output of a document or corpus step this run kept is in it as it is, so what may be stale is only
 * among the outputs of the last run's work this run did not keep (`candidates`, with their
 * sha256), and what changes are those and the files written (`written`). Returns the new ledger's
 * text (the caller writes it) and what was removed, as reconcileOutputs does.
 */
export function reconcileByDifference(
  ctx: BuildContext,
  last: SortedLedger,
  produced: ReadonlyMap<string, string>,
  written: Iterable<string>,
  candidates: ReadonlyMap<string, string>,
): { text: string; records: OutputRecord[]; removed: number } {
  const { outputDir } = ctx.options.config;
  const changes = new Map<string, string | undefined>();
  const stale: string[] = [];
  for (const [path, sha] of candidates) {
    if (produced.has(path)) continue;
    changes.set(path, undefined);
    if (currentSha(outputDir, path) === sha) stale.push(path);
  }
  for (const path of written) {
    const sha = produced.get(path);
    if (sha !== undefined) changes.set(path, sha);
  }
  const records: OutputRecord[] = [];
  const removed = removeOutputs(ctx, stale.sort(), records);
  return { text: changes.size === 0 ? last.text : last.patched(changes), records, removed };
}

/** The sha256 of an output as it is on disk now (undefined: not there). */
function currentSha(outputDir: string, path: string): string | undefined {
  const full = resolveOutputPath(outputDir, path);
  const bytes = full === undefined ? undefined : readFileIfExists(full);
  return bytes === undefined ? undefined : sha256Hex(bytes);
}

/**
 * Removes outputs (and the folders they leave empty), each said in its document's report or else
 * in `records`; returns how many were removed.
 */
function removeOutputs(ctx: BuildContext, paths: readonly string[], records: OutputRecord[]): number {
  const { config, rootDir } = ctx.options;
  const ids = new Set(ctx.byId.keys());
  let removed = 0;
  for (const path of paths) {
    const full = resolveOutputPath(config.outputDir, path);
    if (full === undefined) continue;
    rmSync(full, { force: true });
    removed++;
    removeEmptyParents(dirname(full), resolve(config.outputDir));
    const record: OutputRecord = { path: toPortableRelative(rootDir, full), action: 'deleted' };
    const owner = documentIdOfOutput(path, ids);
    const ownerReport = owner !== undefined ? ctx.byId.get(owner) : undefined;
    if (ownerReport) ownerReport.outputs.push(record);
    else records.push(record);
  }
  return removed;
}

/** The entries as `sha256sum` lines, sorted by path (code unit order, so the file does not depend on the locale). */
export function serializeLedger(entries: ReadonlyMap<string, string>): string {
  const paths = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = '';
  for (const path of paths) text += ledgerLine(path, entries.get(path) as string);
  return text;
}

/** One file's line, as `sha256sum` writes it. */
export function ledgerLine(path: string, sha: string): string {
  const escaped = escapeName(path);
  return `${escaped === path ? '' : '\\'}${sha}  ${escaped}\n`;
}

function removeEmptyParents(dir: string, stopAt: string): void {
  let current = dir;
  while (current.startsWith(stopAt + sep)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
    current = dirname(current);
  }
}
