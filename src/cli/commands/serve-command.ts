import { openStore } from '../../oai/index.js';
import { startServer } from '../../server/index.js';
import { EXIT_FAILED, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { printDiagnostics } from '../print-diagnostics.js';

export interface ServeCommandOptions {
  config?: string;
  port?: string;
  host?: string;
}

/**
 * `cablekit serve`: the OAI-PMH endpoint (/oai), the TEI (/tei/) and the outputs over HTTP,
 * until interrupted (Ctrl-C or SIGTERM), then closes cleanly.
 */
export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const port = Number(options.port ?? '8080');
  if (!/^\d+$/.test(options.port ?? '8080') || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  }
  const host = options.host ?? '127.0.0.1';
  const { config, rootDir } = loadConfigOrFail(options.config);
  // The record store first: a store that cannot be opened is reported as such, before any port is taken.
  const opened = await openStore(rootDir, config);
  printDiagnostics(opened.diagnostics, { verbose: true, quiet: false });
  if (!opened.store) return EXIT_FAILED;
  const store = opened.store;
  let server;
  try {
    server = await startServer({ config, root: rootDir, host, port, store });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use; choose another with --port`);
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on ${host}:${port}`);
    throw error;
  }
  process.stderr.write(`cablekit: serving ${server.url} (OAI-PMH at ${server.url.replace(/\/$/, '')}/oai) — Ctrl-C to stop\n`);
  const running = server;
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running
        .close()
        .then(() => store.close())
        .then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
