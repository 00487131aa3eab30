import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { bookkeepingFiles } from '../edition/layout.js';
import { readFileIfExists, sha256Hex, toPortableRelative, writeIfChanged } from '../fs/index.js';
import type { BuildContext } from './build-context.js';
import type { OutputRecord } from './build-report.js';
import { documentIdOfOutput, resolveOutputPath } from './output-path.js';

/**
 * Output files the build wrote last time, by path relative to the output folder, with their sha256.
 * A Map, not an object: an object of 100,000 keys falls into V8's slow dictionary mode.
 */
export type OutputLedger = Map<string, string>;

/** Kept beside the OAI store, outside the published folder: `<outputDir>/../.cablekit/outputs.json`. */
export function outputLedgerPath(outputDir: string): string {
  return bookkeepingFiles(outputDir).outputLedger;
}

export function readOutputLedger(path: string): OutputLedger {
  return readOutputLedgerChecked(path).ledger;
}

/** The ledger as read, and whether the file was there but damaged (not JSON, not an object): read as empty then. */
export interface LedgerRead {
  ledger: OutputLedger;
  damaged: boolean;
}

export function readOutputLedgerChecked(path: string): LedgerRead {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileIfExists(path);
  } catch (error) {
    throw new Error(`cannot read the outputs ledger ${path}`, { cause: error });
  }
  const ledger: OutputLedger = new Map();
  if (bytes === undefined) return { ledger, damaged: false };
  try {
    const data = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ledger, damaged: true };
    for (const [file, sha] of Object.entries(data as Record<string, unknown>)) if (typeof sha === 'string') ledger.set(file, sha);
    return { ledger, damaged: false };
  } catch {
    return { ledger: new Map(), damaged: true };
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
export function reconcileOutputs(ctx: BuildContext, produced: ReadonlyMap<string, string>, complete: boolean, last: LedgerRead): OutputRecord[] {
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
  const next = new Map(produced);
  const ids = new Set(ctx.byId.keys());
  // Outputs of documents held back (invalid TEI) are not produced this run, on purpose: keep them.
  if (ctx.heldBack.size > 0) {
    for (const [path, sha] of previous) {
      if (next.has(path)) continue;
      const owner = documentIdOfOutput(path, ids);
      if (owner !== undefined && ctx.heldBack.has(owner)) next.set(path, sha);
    }
  }
  if (complete) {
    const currentSha = (path: string): string | undefined => {
      const full = resolveOutputPath(config.outputDir, path);
      const bytes = full === undefined ? undefined : readFileIfExists(full);
      return bytes === undefined ? undefined : sha256Hex(bytes);
    };
    for (const path of staleOutputs(previous, next, currentSha)) {
      const full = resolveOutputPath(config.outputDir, path);
      if (full === undefined) continue;
      rmSync(full, { force: true });
      removeEmptyParents(dirname(full), resolve(config.outputDir));
      const record: OutputRecord = { path: toPortableRelative(rootDir, full), action: 'deleted' };
      const owner = documentIdOfOutput(path, ids);
      const ownerReport = owner !== undefined ? ctx.byId.get(owner) : undefined;
      if (ownerReport) ownerReport.outputs.push(record);
      else records.push(record);
    }
  } else {
    for (const [path, sha] of previous) if (!next.has(path)) next.set(path, sha);
  }
  writeIfChanged(ledgerPath, serializeLedger(next));
  return records;
}

/** The ledger as JSON.stringify(…, null, 2) writes an object of these entries sorted by path, built directly. */
export function serializeLedger(entries: ReadonlyMap<string, string>): string {
  const paths = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (paths.length === 0) return '{}\n';
  const lines = paths.map((path) => `  ${JSON.stringify(path)}: ${JSON.stringify(entries.get(path))}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function removeEmptyParents(dir: string, stopAt: string): void {
  let current = dir;
  while (current.startsWith(stopAt + sep)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
    current = dirname(current);
  }
}
