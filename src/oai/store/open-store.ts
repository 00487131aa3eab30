import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { bookkeepingFiles } from '../../edition/layout.js';
import { storeTarget } from './store-target.js';
import type { OaiRecord } from '../oai-record.js';
import { emptyStoreData, readStoreFile } from '../store-file.js';
import type { OaiStore } from './oai-store.js';
import { PostgresOaiStore, redactUrl } from './postgres-store.js';
import { SqliteOaiStore, SqliteUnavailableError } from './sqlite-store.js';

export { storeTarget, type StoreTarget } from './store-target.js';

export interface OpenedStore {
  store?: OaiStore;
  diagnostics: Diagnostic[];
}

/**
 * Opens the store, creating it on first use. A store that is new takes over the JSON store of
 * earlier versions (`.cablekit/oai-store.json`) when there is one — records, datestamps, tombstones
 * and the token key, so harvesters' tokens keep working — and the file is then renamed
 * `oai-store.json.migrated` (kept, never deleted). An unreadable JSON store stops here: nothing is
 * created over data that could not be read.
 */
export async function openStore(root: string, config: Pick<CablekitConfig, 'outputDir' | 'oai'>, target = storeTarget(root, config)): Promise<OpenedStore> {
  const legacyPath = bookkeepingFiles(config.outputDir, root).oaiStore;
  const diagnostics: Diagnostic[] = [];
  let migrated = 0;
  let tookOver = false;
  let legacyFailure: Diagnostic[] | undefined;
  const initial = (): { tokenKey: string; records: readonly OaiRecord[] } => {
    if (!existsSync(legacyPath)) return emptyStoreData();
    const read = readStoreFile(legacyPath);
    if (!read.data) {
      legacyFailure = read.diagnostics;
      throw new Error('the JSON store could not be read');
    }
    migrated = read.data.records.length;
    tookOver = true;
    return read.data;
  };
  const where = target.kind === 'sqlite' ? target.path : redactUrl(target.url);
  let store: OaiStore;
  try {
    if (target.kind === 'sqlite') {
      mkdirSync(dirname(target.path), { recursive: true });
      store = SqliteOaiStore.open(target.path, initial);
    } else {
      store = await PostgresOaiStore.open(target.url, initial);
    }
  } catch (error) {
    if (legacyFailure) return { diagnostics: legacyFailure };
    const sqliteMissing = error instanceof SqliteUnavailableError;
    return {
      diagnostics: [
        {
          code: 'oai/store-unavailable',
          severity: 'error',
          message: `cannot open the OAI store (${target.kind}): ${(error as Error).message}`,
          hint: sqliteMissing
            ? 'run cablekit on Node.js 22.13+ or 24, or set "oai.store" to a postgres:// URL in cablekit.config.json'
            : target.kind === 'postgres'
              ? 'check that the PostgreSQL server runs and that the URL in "oai.store" (or the PG* variables) is right'
              : 'check that the .cablekit folder is writable and the file is an SQLite database written by cablekit',
          file: where,
        },
      ],
    };
  }
  if (tookOver) {
    try {
      renameSync(legacyPath, `${legacyPath}.migrated`);
    } catch {
      // The store has the data; a file left in place is read by nobody once the store exists.
    }
    {
      diagnostics.push({
        code: 'oai/store-migrated',
        severity: 'info',
        message: `OAI store: ${migrated} records, their datestamps and the token key moved from the JSON store into ${target.kind}; the old file is kept as oai-store.json.migrated`,
        file: where,
      });
    }
  }
  return { store, diagnostics };
}
