import type { CablekitConfig } from '../../config/config.js';
import { bookkeepingFiles } from '../../edition/layout.js';

/** Where the store lives: an SQLite file, or a PostgreSQL database. */
export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * The store a config names: `oai.store` is "sqlite" (the default: `.cablekit/oai-store.sqlite`
 * beside the output folder), "postgres" (connection from the PG* environment variables) or a
 * postgres:// / postgresql:// URL.
 */
export function storeTarget(root: string, config: Pick<CablekitConfig, 'outputDir' | 'oai'>): StoreTarget {
  const spec = config.oai.store ?? 'sqlite';
  if (spec === 'postgres' || /^postgres(ql)?:\/\//.test(spec)) return { kind: 'postgres', url: spec };
  return { kind: 'sqlite', path: bookkeepingFiles(config.outputDir, root).oaiDatabase };
}

