import { createRequire } from 'node:module';
import type * as NodeSqlite from 'node:sqlite';

export type SqliteModule = typeof NodeSqlite;

let loaded: SqliteModule | undefined;

/**
 * Node's built-in SQLite (`node:sqlite`): unflagged from Node 22.13 and in Node 24. Loaded on
 * demand so that a Node without it can still run everything else (and a PostgreSQL store), and
 * gets a clear message instead of a failed import. Node 22 announces the module as experimental
 * once per process; that notice is about Node, not the edition, so it is kept off the user's screen.
 */
export function loadNodeSqlite(): SqliteModule | undefined {
  if (loaded) return loaded;
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    loaded = createRequire(import.meta.url)('node:sqlite') as SqliteModule;
  } catch {
    loaded = undefined;
  } finally {
    process.emitWarning = emit;
  }
  return loaded;
}
