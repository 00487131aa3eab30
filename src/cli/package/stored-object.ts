import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileIfExists } from '../../fs/index.js';
import type { StoredObject } from '../../package/ocfl/ocfl-packages.js';

/** An OCFL object root as it is on disk (undefined when there is no such folder), for ocflUpdates to judge. */
export function readStoredObject(folder: string): StoredObject | undefined {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { names, read: (path) => readFileIfExists(join(folder, ...path.split('/'))) };
}
