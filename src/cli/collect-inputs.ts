import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { walkFiles } from '../fs/index.js';
import { UsageError } from './exit-codes.js';

/**
 * Expands command-line paths: files are kept as given (whatever their name), folders are walked
 * for the given extensions. A path that does not exist is a usage error.
 */
export function collectInputs(paths: readonly string[], extensions: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const full = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) files.push(...walkFiles(full, { extensions }));
    else files.push(full);
  }
  return [...new Set(files)];
}
