import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { UsageError } from './exit-codes.js';
import { printDiagnostics } from './print-diagnostics.js';

/**
 * Loads the config for a command; a missing or invalid config stops the command as a usage error.
 * `requireFile`: commands that write an edition (build) never run on defaults in a stray folder.
 */
export function loadConfigOrFail(
  path: string | undefined,
  verbose = false,
  options: { requireFile?: boolean } = {},
): Required<Pick<LoadedConfig, 'config' | 'rootDir'>> & Pick<LoadedConfig, 'configPath'> {
  const loaded = loadConfig(path, process.cwd(), options);
  printDiagnostics(loaded.diagnostics, { verbose });
  if (hasErrors(loaded.diagnostics) || !loaded.config || !loaded.rootDir) {
    throw new UsageError('cannot go on without a valid configuration (see above)');
  }
  return loaded.configPath !== undefined
    ? { config: loaded.config, rootDir: loaded.rootDir, configPath: loaded.configPath }
    : { config: loaded.config, rootDir: loaded.rootDir };
}
