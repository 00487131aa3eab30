import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bookkeepingFiles } from '../edition/layout.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';

/** Default store: `<outputDir>/../.cablekit/oai-store.json`, next to (not inside) the published output. */
export function defaultOaiStorePath(root: string, config: Pick<CablekitConfig, 'outputDir'>): string {
  return bookkeepingFiles(config.outputDir, root).oaiStore;
}

export function emptyStoreData(): OaiStoreData {
  return { format: 'cablekit-oai-store', version: 1, tokenKey: randomBytes(32).toString('hex'), records: [] };
}

const DC_LISTS = ['creators', 'contributors', 'identifiers', 'sources', 'rightsTexts', 'spatial', 'temporal'];

/** Enough shape checking that serving a record cannot throw on a hand-edited store. */
function isRecord(value: unknown): value is OaiRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const dc = r.dc as Record<string, unknown> | undefined;
  return (
    typeof r.id === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(r.datestamp)) &&
    typeof r.hash === 'string' &&
    typeof r.deleted === 'boolean' &&
    Array.isArray(r.sets) &&
    r.sets.every((s: unknown) => typeof (s as { spec?: unknown }).spec === 'string' && typeof (s as { name?: unknown }).name === 'string') &&
    (dc === undefined || (typeof dc === 'object' && dc !== null && DC_LISTS.every((k) => Array.isArray(dc[k])))) &&
    (r.teiPath === undefined || typeof r.teiPath === 'string')
  );
}

/**
 * Reads the store file. A missing file is an empty store; an unreadable or foreign file is an
 * error diagnostic and no data, so the caller never overwrites something it did not understand.
 */
export function readStoreFile(path: string): { data?: OaiStoreData; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { data: emptyStoreData(), diagnostics: [] };
    return { diagnostics: [{ code: 'oai/store-unreadable', severity: 'error', message: `cannot read the OAI store: ${(e as Error).message}`, file: path }] };
  }
  try {
    const parsed = JSON.parse(text) as Partial<OaiStoreData>;
    if (
      parsed.format !== 'cablekit-oai-store' ||
      parsed.version !== 1 ||
      typeof parsed.tokenKey !== 'string' ||
      !Array.isArray(parsed.records) ||
      !parsed.records.every(isRecord)
    ) {
      throw new Error('not a cablekit OAI store (version 1)');
    }
    return { data: parsed as OaiStoreData, diagnostics: [] };
  } catch (e) {
    return {
      diagnostics: [
        {
          code: 'oai/store-corrupt',
          severity: 'error',
          message: `the OAI store is not valid: ${(e as Error).message}`,
          hint: 'restore it from a backup; deleting it loses tombstones and invalidates resumption tokens',
          file: path,
        },
      ],
    };
  }
}

/** Writes the store atomically (temp file + rename): a crash leaves the old or the new store, never half. */
export function writeStoreFile(path: string, data: OaiStoreData): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(data) + '\n');
}
