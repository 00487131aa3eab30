import { EXIT_FAILED, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';

export interface ServeCommandOptions {
  config?: string;
  port?: string;
  host?: string;
}

/** What the server module is expected to export (src/server, owned by the OAI engineer). */
interface ServerModule {
  startServer(options: { config: unknown; rootDir: string; host: string; port: number }): Promise<unknown>;
}

/**
 * `cablekit serve`: the OAI-PMH endpoint and the output folder over HTTP.
 * TODO(oai/server): replace the dynamic import with a static one once src/server exports
 * startServer, and match its final signature.
 */
export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const port = Number(options.port ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  const host = options.host ?? '127.0.0.1';
  const { config, rootDir } = loadConfigOrFail(options.config);
  const specifier = '../../server/index.js';
  let server: Partial<ServerModule>;
  try {
    server = (await import(specifier)) as Partial<ServerModule>;
  } catch {
    server = {};
  }
  if (typeof server.startServer !== 'function') {
    process.stderr.write('cablekit: the OAI-PMH server is not part of this build yet\n');
    return EXIT_FAILED;
  }
  await server.startServer({ config, rootDir, host, port });
  // The server keeps the process alive; the exit code applies when it is stopped.
  return 0;
}
