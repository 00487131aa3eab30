import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileStamp, readFileIfExists, sha256Hex, toPortableRelative, writeFileAtomic } from '../fs/index.js';
import { bookkeepingFiles, editionLayout } from '../edition/layout.js';
import type { DerivedStage, OutputFile, StageContext } from '../stage/index.js';
import type { DocumentJobResult } from './document-job.js';
import { outputLedgerPath, readOutputLedgerChecked, reconcileByDifference, reconcileOutputs, type LedgerRead } from './output-ledger.js';
import { SortedLedger } from './sorted-ledger.js';
import { internalError, type BuildContext } from './build-context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocumentReport, OutputRecord } from './build-report.js';
import { sameWork, type CorpusMemo, type DocumentMemo } from './document-cache.js';
import { digestsKey, summaryDigest } from '../stage/index.js';
import { isPlainOutputPath, resolveOutputPath } from './output-path.js';
import { readPlaceEntries } from './read-assets.js';
import { folderStamp, folderUnchanged, foldersOf, parentFolder, readFolderStamps, recordFolderStamps, type FolderStampRecord } from './output-folder-stamps.js';

/** What one document's derivation gave: its files (path in the output folder → sha256) and summaries. */
export interface DerivedDocument {
  outputs: [string, string][];
  summaries: Record<string, unknown>;
  /** `summaryDigest` of each summary, by stage name. */
  summaryDigests: Record<string, string>;
  /** False when a stage failed on it: its memo must not be trusted next time. */
  ok: boolean;
  /** Set by the caller: a write that fails later (they end asynchronously) must untrust the memo too. */
  onWriteFailure?: () => void;
}

/**
 * Runs the derived stages, one document at a time, then each stage's corpus step over the kept
 * summaries, and writes the files (only when changed). The pipeline reads what stages need from
 * disk (page images, the authority file) and hands it in. A failing stage is reported and the
 * others still run. Files of an earlier build that no stage produces any more are removed (see
 * output-ledger.ts) once the run is known to be complete.
 */
export class Deriver {
  readonly stageCtx: StageContext;
  /** The authority file's sha256: part of every document's key. */
  readonly authoritySha: string;
  /** Every output file of this run (written or kept), relative to the output folder, with its sha256: the ledger to be. */
  private readonly produced = new Map<string, string>();
  /** The files a stage wrote this run, by the stage's name (two stages writing one file is an error). */
  private readonly claimed = new Map<string, string>();
  private readonly failedStages = new Set<number>();
  private complete = true;
  private readonly collectionOutputs: OutputRecord[] = [];
  private readonly failedWrites: Diagnostic[] = [];
  private readonly replacedEdits: Diagnostic[] = [];
  /**
   * What the last build wrote (the outputs ledger), or why it could not be read: read once, on
   * first use, since only this run's reconcileOutputs rewrites it. It tells a derived file changed
   * by hand, whether a damaged ledger needs writing anew, and what is stale.
   */
  private lastLedger: FoundLedger | { error: unknown } | undefined;
  /** The outputs ledger as this run left it (set by finish). */
  ledger: ReadonlyMap<string, string> | undefined;
  /**
   * Each output folder asked about this run (by path relative to the output folder): 'unchanged'
   * since the last complete build, else the names listed in it (null: not a readable folder).
   */
  private readonly folders = new Map<string, Set<string> | 'unchanged' | null>();
  /** The folder stamps the last complete build recorded (null: none readable), read on first use. */
  private folderRecord: FolderStampRecord | null | undefined;
  /** The stamps of the output folders asked about this run, taken when first asked. */
  private readonly folderStamps = new Map<string, string>();
  /** Folders (relative to the output folder) this run wrote a file into. */
  private readonly writtenFolders = new Set<string>();
  /** Whether this run removed a stale output (and maybe its emptied folders). */
  private removedAny = false;
  /** Kept outputs counted, not listed in a report (BuildOptions.listKeptOutputs). */
  unlistedUnchanged = 0;
  /** The output folder relative to the project root, as reports give paths. */
  private outputPrefix: string | undefined;

  constructor(private readonly ctx: BuildContext) {
    const { config } = ctx.options;
    const authority = readPlaceEntries(config.authorityFile);
    ctx.globalDiagnostics.push(...authority.diagnostics);
    this.authoritySha = sha256Hex(JSON.stringify(authority.places));
    this.stageCtx = { config, layout: editionLayout(config), places: authority.places };
  }

  /** A document job's stage outcomes (document-job.ts): its files written, attributed to its report. */
  apply(result: DocumentJobResult, report: DocumentReport): DerivedDocument {
    const { deps } = this.ctx.options;
    const derived: DerivedDocument = { outputs: [], summaries: {}, summaryDigests: {}, ok: true };
    for (const outcome of result.stages) {
      const stage = deps.stages[outcome.index];
      if (stage === undefined) continue;
      if (outcome.failure !== undefined) {
        this.ctx.globalDiagnostics.push(outcome.failure);
        this.failedStages.add(outcome.index);
        this.complete = false;
        derived.ok = false;
        continue;
      }
      report.diagnostics.push(...outcome.diagnostics);
      for (const file of outcome.files) {
        const written = this.write(stage.name, file, report.outputs, () => derived.onWriteFailure?.());
        if (written) derived.outputs.push(written);
        else derived.ok = false;
      }
      if (outcome.summary !== undefined) {
        derived.summaries[stage.name] = outcome.summary;
        derived.summaryDigests[stage.name] = outcome.summaryDigest ?? summaryDigest(outcome.summary);
      }
    }
    return derived;
  }

  /**
   * True when every file a kept document produced is still there (a deleted output folder is
   * rebuilt). A folder whose stamp is the one recorded when the last complete build ended holds
   * every file it held then (output-folder-stamps.ts); any other folder is listed, once a run. The
   * build removes nothing before it reconciles at the end, so what was there at the start of the
   * run still is when it is asked about.
   */
  outputsPresent(outputs: readonly [string, string][]): boolean {
    const { outputDir } = this.ctx.options.config;
    // A document's files come in runs of one folder: its verdict is looked up once per run of them.
    let folder: string | undefined;
    let names: Set<string> | 'unchanged' | null = null;
    return outputs.every(([path]) => {
      if (!isPlainOutputPath(path) && resolveOutputPath(outputDir, path) === undefined) return false;
      const slash = path.lastIndexOf('/');
      if (folder === undefined || slash !== folder.length || !path.startsWith(folder)) {
        folder = slash === -1 ? '' : path.slice(0, slash);
        names = this.folderVerdict(folder);
      }
      return names === 'unchanged' || (names !== null && names.has(path.slice(slash + 1)));
    });
  }

  /** Whether a folder is as the last complete build left it, or else the names in it (null: not a readable folder); once a run. */
  private folderVerdict(folder: string): Set<string> | 'unchanged' | null {
    const { outputDir } = this.ctx.options.config;
    let names = this.folders.get(folder);
    if (names === undefined) {
      const full = folder === '' ? outputDir : resolveOutputPath(outputDir, folder);
      this.folderRecord ??= readFolderStamps(bookkeepingFiles(outputDir).outputFolders) ?? null;
      // Stamped before it is listed: what the listing saw is at least as new as the stamp.
      const stamp = full === undefined ? undefined : folderStamp(full);
      if (stamp !== undefined) this.folderStamps.set(folder, stamp);
      names = full === undefined ? null : folderUnchanged(this.folderRecord ?? undefined, folder, stamp) ? 'unchanged' : listNames(full);
      this.folders.set(folder, names);
    }
    return names;
  }

  /**
   * After a complete run whose files are all on disk: the stamps of the folders holding its outputs,
   * for the next run. After any other, the record is removed (nothing of it is trusted then).
   */
  recordOutputFolders(foldersWrittenLater: readonly string[]): void {
    const { outputDir } = this.ctx.options.config;
    const path = bookkeepingFiles(outputDir).outputFolders;
    if (!this.complete) {
      rmSync(path, { force: true });
      return;
    }
    this.folderRecord ??= readFolderStamps(path) ?? null;
    const folders = foldersOf(this.produced.keys());
    for (const later of foldersWrittenLater) folders.delete(parentFolder(later));
    // A folder stamped this run that no write went into (and nothing was removed) is as it was then.
    const stampOf = (folder: string): string | undefined => {
      const seen = this.removedAny || this.writtenFolders.has(folder) ? undefined : this.folderStamps.get(folder);
      if (seen !== undefined) return seen;
      const full = folder === '' ? outputDir : resolveOutputPath(outputDir, folder);
      return full === undefined ? undefined : folderStamp(full);
    };
    recordFolderStamps(path, folders, stampOf, this.folderRecord ?? undefined);
  }

  /**
   * A document skipped because nothing it depends on changed: its files count as produced,
   * unchanged, each listed in `target` ('counted': counted in `unlistedUnchanged` instead).
   */
  keep(outputs: readonly [string, string][], target: OutputRecord[] | 'counted' | undefined): void {
    for (const [path, sha] of outputs) {
      if (!isPlainOutputPath(path) && resolveOutputPath(this.ctx.options.config.outputDir, path) === undefined) continue;
      // Not claimed by name: a stage writing one of these paths finds it produced (write()).
      this.produced.set(path, sha);
      if (target === 'counted') this.unlistedUnchanged++;
      else target?.push({ path: this.portablePath(path) as string, action: 'unchanged' });
    }
  }

  /** An output's path relative to the project root, as reports give it; undefined for one outside the output folder. */
  private portablePath(path: string): string | undefined {
    const { config, rootDir } = this.ctx.options;
    // Joined by hand for the usual plain path (path.relative() for each of 190,000 files showed in profiles).
    this.outputPrefix ??= toPortableRelative(rootDir, resolve(config.outputDir));
    if (this.outputPrefix !== '' && !this.outputPrefix.startsWith('..') && isPlainOutputPath(path)) return `${this.outputPrefix}/${path}`;
    const full = resolveOutputPath(config.outputDir, path);
    return full === undefined ? undefined : toPortableRelative(rootDir, full);
  }

  /**
   * Each stage's corpus step over the summaries of every document kept this run (sorted by id),
   * or the kept corpus files when no summary changed. A corpus step over a partial set of
   * summaries would drop documents from collections: a stage that failed on a document skips it.
   */
  corpus(documents: readonly DocumentMemo[], common: string): void {
    const { deps } = this.ctx.options;
    const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    deps.stages.forEach((stage, s) => {
      if ((!stage.corpus && !stage.corpusParts) || this.failedStages.has(s)) return;
      const given = sorted.filter((d) => d.summaries[stage.name] !== undefined);
      const list = given.map((d) => d.summaries[stage.name]);
      // A memo kept by an earlier version may lack the digests: they are taken here then.
      const digests = given.map((d) => d.summaryDigests?.[stage.name] ?? summaryDigest(d.summaries[stage.name]));
      if (stage.corpusParts) this.corpusByParts(stage, list, digests, common);
      else this.corpusWhole(stage, list, digests, common);
    });
  }

  /** A corpus step kept whole while no summary changed, else run and all its files written. */
  private corpusWhole(stage: DerivedStage, list: readonly unknown[], digests: readonly string[], common: string): void {
    const key = digestsKey(`${common}\n${stage.name}`, digests);
    const kept = this.ctx.previous.corpus.get(stage.name);
    if (kept !== undefined && kept.key === key && this.outputsPresent(kept.outputs)) {
      this.keep(kept.outputs, this.collectionOutputs);
      this.ctx.globalDiagnostics.push(...kept.diagnostics);
      this.ctx.next.corpus.set(stage.name, kept);
      return;
    }
    const result = this.runCorpusStep(stage, () => stage.corpus!(list, this.stageCtx));
    if (result === undefined) return;
    const memo: CorpusMemo = { key, outputs: [], diagnostics: result.diagnostics };
    for (const file of result.files) {
      const written = this.write(stage.name, file, this.collectionOutputs, () => {
        memo.key = '';
      });
      if (written) memo.outputs.push(written);
      else memo.key = '';
    }
    this.ctx.next.corpus.set(stage.name, memo);
  }

  /**
   * A corpus step file by file: a file whose key (with the settings and tool) is the one it was
   * last written with, and which is still there, is kept; the others are rendered and written.
   */
  private corpusByParts(stage: DerivedStage, list: readonly unknown[], digests: readonly string[], common: string): void {
    const result = this.runCorpusStep(stage, () => stage.corpusParts!(list, this.stageCtx, digests));
    if (result === undefined) return;
    const kept = this.ctx.previous.corpus.get(stage.name);
    const keptByPath = new Map<string, { output: [string, string]; key: string; diagnostics: Diagnostic[] }>();
    kept?.outputs.forEach((output, i) => {
      const key = kept.partKeys?.[i];
      if (key !== undefined && key !== '') keptByPath.set(output[0], { output, key, diagnostics: kept.partDiagnostics?.[i] ?? [] });
    });
    const { outputDir } = this.ctx.options.config;
    const memo: CorpusMemo = { key: '', outputs: [], partKeys: [], partDiagnostics: [], diagnostics: result.diagnostics };
    const record = (output: [string, string], key: string, diagnostics: Diagnostic[]): number => {
      memo.outputs.push(output);
      memo.partKeys!.push(key);
      memo.partDiagnostics!.push(diagnostics);
      return memo.outputs.length - 1;
    };
    let keptAll = kept !== undefined && kept.outputs.length === result.parts.length;
    for (const part of result.parts) {
      const partKey = sha256Hex(`${common}\n${stage.name}\n${part.key}`);
      const full = isPlainOutputPath(part.path) ? undefined : resolveOutputPath(outputDir, part.path);
      const before = keptByPath.get(full === undefined ? part.path : toPortableRelative(outputDir, full));
      if (before !== undefined && before.key === partKey && this.outputsPresent([before.output])) {
        this.keep([before.output], this.collectionOutputs);
        this.ctx.globalDiagnostics.push(...before.diagnostics);
        record(before.output, partKey, before.diagnostics);
        continue;
      }
      keptAll = false;
      // Rendered here, after the step returned: a throw is still the stage's failure, not the build's.
      const rendered = this.runCorpusStep(stage, () => part.render());
      if (rendered === undefined) continue;
      let at = -1;
      const written = this.write(stage.name, { path: part.path, content: rendered.content }, this.collectionOutputs, () => {
        if (at >= 0) memo.partKeys![at] = '';
      });
      if (written !== undefined) at = record(written, partKey, rendered.diagnostics);
    }
    // Every file kept, and the same diagnostics: the memo is last run's (the build then knows nothing changed).
    const same = keptAll && kept !== undefined && JSON.stringify(kept.diagnostics) === JSON.stringify(memo.diagnostics);
    this.ctx.next.corpus.set(stage.name, same ? kept : memo);
  }

  /** Runs a stage's corpus step; a throw is the stage's failure, reported, and the run is incomplete. */
  private runCorpusStep<R extends { diagnostics: Diagnostic[] }>(stage: DerivedStage, step: () => R): R | undefined {
    let result: R;
    try {
      result = step();
    } catch (error) {
      this.ctx.globalDiagnostics.push(internalError('build/stage-failed', `the ${stage.name} stage failed on the corpus-wide files`, error));
      this.complete = false;
      return undefined;
    }
    this.ctx.globalDiagnostics.push(...result.diagnostics);
    return result;
  }

  /**
   * Removes what no stage produced this time and records what was; returns the files not tied to
   * one document. The ledger lists exactly this run's outputs when the run is complete and held no
   * document back: its stamp is then kept (DocumentCache.ledgerStamp), so the next run may patch it
   * by difference.
   */
  finish(): OutputRecord[] {
    const { ctx } = this;
    const ledgerPath = bookkeepingFiles(ctx.options.config.outputDir).outputLedger;
    const exact = this.complete && ctx.heldBack.size === 0;
    const found = this.foundLedger();
    // The same work as last run produces the same files, which that run already reconciled.
    // A damaged ledger is reconciled (and reported) even when nothing else changed.
    const unchanged = this.complete && sameWork(ctx.previous, ctx.next) && existsSync(ledgerPath) && (found.sorted !== undefined || !found.read.damaged);
    if (unchanged) {
      this.ledger = this.produced;
      if (exact) {
        const listsProduced = found.sorted !== undefined || sameEntries(found.read.ledger, this.produced);
        if (listsProduced) ctx.next.ledgerStamp = found.sorted !== undefined ? ctx.previous.ledgerStamp : fileStamp(ledgerPath);
      }
    } else if (exact && found.sorted !== undefined) {
      const reconciled = reconcileByDifference(ctx, found.sorted, this.produced, this.claimed.keys(), this.undoneOutputs());
      if (reconciled.text !== found.sorted.text) writeFileAtomic(ledgerPath, reconciled.text);
      this.removedAny = reconciled.removed > 0;
      this.collectionOutputs.push(...reconciled.records);
      this.ledger = this.produced;
      ctx.next.ledgerStamp = fileStamp(ledgerPath);
    } else {
      const reconciled = reconcileOutputs(ctx, this.produced, this.complete, found.read ?? { ledger: found.sorted.toMap(), damaged: false });
      this.removedAny = reconciled.removed > 0;
      this.collectionOutputs.push(...reconciled.records);
      this.ledger = reconciled.ledger;
      if (exact) ctx.next.ledgerStamp = fileStamp(ledgerPath);
    }
    return this.collectionOutputs;
  }

  /**
   * The outputs of the last run's work that this run did not keep as it was (documents redone or
   * gone, corpus steps run again), with the sha256 recorded for each: outside them, the last
   * ledger and this run's outputs agree.
   */
  private undoneOutputs(): Map<string, string> {
    const { previous, next } = this.ctx;
    const undone = new Map<string, string>();
    const kept = new Set<unknown>([...next.documents.values(), ...next.corpus.values()]);
    for (const memo of [...previous.documents.values(), ...previous.corpus.values()]) {
      if (!kept.has(memo)) for (const [path, sha] of memo.outputs) undone.set(path, sha);
    }
    return undone;
  }

  private write(stageName: string, file: OutputFile, target: OutputRecord[], onFailure?: () => void): [string, string] | undefined {
    const { config, rootDir } = this.ctx.options;
    const full = resolveOutputPath(config.outputDir, file.path);
    if (full === undefined) {
      this.ctx.globalDiagnostics.push({
        code: 'build/unsafe-output-path',
        severity: 'error',
        message: `the ${stageName} stage asked to write "${file.path}", outside the output folder; not written`,
      });
      return undefined;
    }
    const path = toPortableRelative(rootDir, full);
    const relative = toPortableRelative(config.outputDir, full);
    // A file a kept document produced is in `produced` only (keep() claims nothing by name).
    const previous = this.claimed.get(relative) ?? (this.produced.has(relative) ? 'an earlier run' : undefined);
    if (previous !== undefined) {
      this.ctx.globalDiagnostics.push({
        code: 'build/output-collision',
        severity: 'error',
        message: `"${path}" is written by both the ${previous} and the ${stageName} stage; the first one is kept`,
      });
      return undefined;
    }
    this.claimed.set(relative, stageName);
    this.writtenFolders.add(parentFolder(relative));
    // Written by the I/O threads meanwhile; the record's action is filled in when the write ends,
    // and the build waits for every write (drain) before it trusts or reconciles anything.
    const record: OutputRecord = { path, action: 'written' };
    target.push(record);
    const recordedSha256 = this.recordedSha(relative);
    const edits =
      recordedSha256 === undefined
        ? undefined
        : {
            recordedSha256,
            // Derived files are remade from the TEI on every build, so replacing the edit is right; it is said, not silent.
            onEdited: () =>
              this.replacedEdits.push({
                code: 'build/output-edit-replaced',
                severity: 'warning',
                message: `${path} had been changed since the last build wrote it; it is a derived output, so the build replaced it`,
                hint: 'make lasting changes in the TEI file (or the source page): every derived output is remade from it',
                file: path,
              }),
          };
    this.ctx.writer.writeIfChangedLater(full, file.content, edits).then(
      (action) => {
        record.action = action;
      },
      (error: unknown) => {
        record.action = 'failed';
        this.complete = false;
        this.failedWrites.push(internalError('build/write-failed', `could not write ${path}`, error, path));
        // Not on disk: the ledger keeps what the file still holds (its old entry), not what failed.
        this.produced.delete(relative);
        onFailure?.();
      },
    );
    const sha = sha256Hex(file.content);
    this.produced.set(relative, sha);
    return [relative, sha];
  }

  /**
   * The ledger as this run found it: as sorted text when it is the one the last run recorded
   * writing (its stamp), else read whole (and checked). Read once, on first use.
   */
  private readLastLedger(): FoundLedger | { error: unknown } {
    if (this.lastLedger === undefined) {
      const path = outputLedgerPath(this.ctx.options.config.outputDir);
      try {
        this.lastLedger = readFoundLedger(path, this.ctx.previous.ledgerStamp);
      } catch (error) {
        this.lastLedger = { error };
      }
    }
    return this.lastLedger;
  }

  /** The ledger as this run found it; an unreadable one stops reconciling (the build reports it). */
  private foundLedger(): FoundLedger {
    const found = this.readLastLedger();
    if ('error' in found) throw found.error;
    return found;
  }

  private recordedSha(relative: string): string | undefined {
    const found = this.readLastLedger();
    // Unreadable: reconciling the outputs reports it; no edit can be told meanwhile.
    if ('error' in found) return undefined;
    return found.sorted !== undefined ? found.sorted.get(relative) : found.read.ledger.get(relative);
  }

  /** Waits for every file write issued so far; failed ones are reported (by path, so in a stable order). */
  async settle(): Promise<void> {
    await this.ctx.writer.drain();
    this.failedWrites.sort((a, b) => ((a.file ?? '') < (b.file ?? '') ? -1 : 1));
    this.ctx.globalDiagnostics.push(...this.failedWrites.splice(0));
    this.replacedEdits.sort((a, b) => ((a.file ?? '') < (b.file ?? '') ? -1 : 1));
    this.ctx.globalDiagnostics.push(...this.replacedEdits.splice(0));
  }

  /** Writes in flight: the caller waits when there are many, so memory stays bounded. */
  get writesInFlight(): number {
    return this.ctx.writer.inFlight;
  }
}

/** The outputs ledger as found: sorted text to patch, or read whole. */
type FoundLedger = { sorted: SortedLedger; read?: undefined } | { sorted?: undefined; read: LedgerRead };

/** The ledger at `path`, as sorted text when its stamp is `trustedStamp` and its text is as written. */
function readFoundLedger(path: string, trustedStamp: string | undefined): FoundLedger {
  const stamp = trustedStamp === undefined ? undefined : fileStamp(path);
  if (stamp !== undefined && stamp === trustedStamp) {
    const bytes = readFileIfExists(path);
    const sorted = bytes === undefined ? undefined : SortedLedger.from(bytes.toString('utf8'));
    if (sorted !== undefined) return { sorted };
  }
  return { read: readOutputLedgerChecked(path) };
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, sha] of a) if (b.get(path) !== sha) return false;
  return true;
}

/** The names in a folder, or null when it cannot be listed (missing, not a folder). */
function listNames(folder: string): Set<string> | null {
  try {
    return new Set(readdirSync(folder));
  } catch {
    return null;
  }
}
