import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CablekitConfig } from '../../src/config/config.js';
import { testConfig } from '../dc/sample-cables.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { tempDir } from './support.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreProjects {
  /** A fresh project folder and the config naming a fresh store of that kind. */
  project(kind: StoreKind): Promise<{ root: string; config: CablekitConfig }>;
  /** A name no database of this file's cluster has yet. */
  nextDatabaseName(): string;
  /** A new, empty database on the cluster: its URL. */
  newDatabase(): Promise<string>;
}

/**
 * Projects on both stores for one test file: starts a throwaway PostgreSQL cluster before the
 * file's tests and stops it after (vitest hooks, so call it at the file's top level).
 */
export function storeProjects(names: { folder: string; database: string }): StoreProjects {
  let cluster: PostgresCluster | undefined;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());
  const nextDatabaseName = (): string => `${names.database}_${++databases}`;
  const newDatabase = (): Promise<string> => (cluster as PostgresCluster).createDatabase(nextDatabaseName());
  return {
    nextDatabaseName,
    newDatabase,
    async project(kind) {
      const root = tempDir(names.folder);
      const store = kind === 'sqlite' ? 'sqlite' : await newDatabase();
      return { root, config: { ...testConfig, outputDir: join(root, 'output'), oai: { ...testConfig.oai, store } } };
    },
  };
}
