import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OaiRecordDraft } from './build-deps.js';
import { statSync } from 'node:fs';
import { readFileIfExists } from '../fs/index.js';

/**
 * What the build keeps between runs, per document, in `.cablekit/build-cache.sqlite`: enough to skip
 * a document whose inputs did not change — its checksums and keys, the diagnostics it gave (so a
 * re-run reports the same findings), the files it produced and the small summaries the corpus-wide
 * files are made from. Never the decoded cable itself.
 */

/** A source page whose TEI is up to date: no need to read it as a page again. */
export interface SourceMemo {
  sourceSha256: string;
  /** fileStamp of the source and of its TEI file when their checksums were taken. */
  sourceStamp?: string;
  teiStamp?: string;
  /** Tool fingerprint + TEI settings, hashed. */
  key: string;
  id: string;
  teiSha256: string;
  diagnostics: Diagnostic[];
  /** The id the page claims before settlement, and the checksum of its text: settling needs no read. */
  claimId?: string;
  textSha256?: string;
  /** What reading the page reported. */
  ingestDiagnostics?: Diagnostic[];
}

/** A TEI file validated, decoded and derived: its outputs are up to date while the key holds. */
export interface DocumentMemo {
  /** The id of the cable in the file (the file's stem, unless the TEI says otherwise). */
  id: string;
  teiPath: string;
  teiSha256: string;
  /** fileStamp of the TEI file when its checksum was taken. */
  teiStamp?: string;
  /** Tool fingerprint + settings + assets + the document's page images, hashed; '' never matches. */
  key: string;
  diagnostics: Diagnostic[];
  /** Files it produced, relative to the output folder, with their sha256, in production order. */
  outputs: [string, string][];
  /** By stage name: what the stage's corpus step needs of it. */
  summaries: Record<string, unknown>;
  /** `summaryDigest` of each summary, by stage name (absent in memos of earlier versions). */
  summaryDigests?: Record<string, string>;
  /** Its OAI-PMH record's id and hash (the whole record is kept beside the memo: DocumentCache.oaiDrafts). */
  oai?: OaiRecordDraft;
}

/** A stage's corpus-wide files, up to date while its key (hash over every summary) holds. */
export interface CorpusMemo {
  key: string;
  outputs: [string, string][];
  /** For a stage of keyed parts (`corpusParts`): each output's key, by position; '' never matches. */
  partKeys?: string[];
  /** And what checking each found, replayed while it is kept. */
  partDiagnostics?: Diagnostic[][];
  diagnostics: Diagnostic[];
}

export interface DocumentCache {
  formatVersion: 1;
  sources: Map<string, SourceMemo>;
  /** By document id, in the order the TEI files were read. */
  documents: Map<string, DocumentMemo>;
  corpus: Map<string, CorpusMemo>;
  /**
   * Whole OAI-PMH records (without datestamps) at hand, by document: those made this run (to be
   * recorded), or, from a JSON cache of an earlier version, every one. A record read from the
   * database is only its head (the memo's `oai`); the rest is loaded when the store must be written.
   */
  oaiDrafts: Map<string, OaiRecordDraft>;
  /** Hash over the OAI drafts last synced into the store. */
  oaiKey?: string;
  /**
   * The OAI store's generation after the last sync that went through, and the documents held back
   * then: while the store keeps that generation, the next sync compares records with the ones in
   * this cache instead of reading every stored hash.
   */
  oaiGeneration?: string;
  oaiKept?: string[];
  /**
   * The stamp of the outputs ledger as the last run wrote it, when it lists exactly that run's
   * outputs (a complete run, no document held back): while the ledger keeps this stamp, the next
   * run reads it as sorted text and patches it by difference (sorted-ledger.ts).
   */
  ledgerStamp?: string;
  /** When the cache file was written (its mtime, ns): stamps of files modified close to it are not trusted. */
  recordedAtNs?: bigint;
}

export function emptyDocumentCache(): DocumentCache {
  return { formatVersion: 1, sources: new Map(), documents: new Map(), corpus: new Map(), oaiDrafts: new Map() };
}

/**
 * The cache as earlier versions kept it, one JSON file (`.cablekit/documents.json`): read once, when
 * the database (document-cache-db.ts) does not exist yet. Anything unreadable is an empty cache.
 */
export function readLegacyDocumentCache(path: string, onDamaged?: () => void): DocumentCache {
  const bytes = readFileIfExists(path);
  if (bytes === undefined) return emptyDocumentCache();
  try {
    const data = JSON.parse(bytes.toString('utf8')) as {
      formatVersion?: unknown;
      sources?: [string, SourceMemo][];
      documents?: [string, DocumentMemo][];
      corpus?: [string, CorpusMemo][];
      oaiKey?: string;
      oaiGeneration?: string;
      oaiKept?: unknown;
    };
    if (data.formatVersion !== 1 || !Array.isArray(data.sources) || !Array.isArray(data.documents) || !Array.isArray(data.corpus)) {
      return emptyDocumentCache();
    }
    const cache: DocumentCache = {
      formatVersion: 1,
      sources: new Map(data.sources),
      documents: new Map(data.documents),
      corpus: new Map(data.corpus),
      oaiDrafts: new Map(),
    };
    // Earlier versions kept the whole record in the memo: the memo keeps its head, the rest is at hand.
    for (const [stem, memo] of cache.documents) {
      if (memo.oai === undefined) continue;
      cache.oaiDrafts.set(stem, memo.oai);
      memo.oai = { id: memo.oai.id, hash: memo.oai.hash };
    }
    if (typeof data.oaiKey === 'string') cache.oaiKey = data.oaiKey;
    if (typeof data.oaiGeneration === 'string' && Array.isArray(data.oaiKept) && data.oaiKept.every((k) => typeof k === 'string')) {
      cache.oaiGeneration = data.oaiGeneration;
      cache.oaiKept = data.oaiKept as string[];
    }
    try {
      cache.recordedAtNs = statSync(path, { bigint: true }).mtimeNs;
    } catch {
      // Read a moment ago: leave stamps untrusted.
    }
    return cache;
  } catch {
    onDamaged?.();
    return emptyDocumentCache();
  }
}

/** True when this run kept every piece of work of the last one as it was: nothing to record anew. */
export function sameWork(previous: DocumentCache, next: DocumentCache): boolean {
  const same = <V>(a: Map<string, V>, b: Map<string, V>): boolean => a.size === b.size && [...b].every(([k, v]) => a.get(k) === v);
  return same(previous.sources, next.sources) && same(previous.documents, next.documents) && same(previous.corpus, next.corpus);
}
