import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { UsageError } from './exit-codes.js';
import { printDiagnostics } from './print-diagnostics.js';

/** Loads the config for a command; a missing or invalid config stops the command as a usage error. */
export function loadConfigOrFail(path: string | undefined, verbose = false): Required<Pick<LoadedConfig, 'config' | 'rootDir'>> {
  const loaded = loadConfig(path);
  printDiagnostics(loaded.diagnostics, { verbose });
  if (hasErrors(loaded.diagnostics) || !loaded.config || !loaded.rootDir) {
    throw new UsageError('cannot go on without a valid configuration (see above)');
  }
  return { config: loaded.config, rootDir: loaded.rootDir };
}
