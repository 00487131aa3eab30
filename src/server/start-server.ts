import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CablekitConfig } from '../config/config.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { chainMessage } from '../diagnostics/error-chain.js';
import { siteSettings } from '../site/index.js';
import { handleOaiRequest, oaiSettingsFromConfig, openStore, repositoryFor, utf8Parts, type OaiStore } from '../oai/index.js';
import { contentTypeFor } from './content-types.js';
import { readBody, toMultimap } from './read-form-body.js';
import { isPublishable, resolveSafePath, type Mount } from './safe-path.js';

export interface ServerOptions {
  config: CablekitConfig;
  /** The project folder (where cablekit.config.json is). */
  root: string;
  /** Loopback unless told otherwise. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * An open OAI store to serve (the caller closes it). Without one, the store the config names
   * (`oai.store`) is opened, and closed with the server.
   */
  store?: OaiStore;
  /** Records per OAI list page, every format (default: 500 headers or DC records, 100 TEI records). */
  pageSize?: number;
  /** Where failures while serving go, as typed diagnostics (default: one line each on stderr). */
  log?: (diagnostic: Diagnostic) => void;
  /** A client must send its whole request head within this time (default 10 s; slow-header clients are cut off). */
  headersTimeoutMs?: number;
  /** …and its whole request within this time (default 30 s). */
  requestTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Default list page sizes. A page of 500 DC records is ~0.5 MB: fewer round trips for harvesters
 * of large stores at little cost per response. A TEI record is many times larger, so TEI
 * pages keep 100 records.
 */
const DC_PAGE_SIZE = 500;
const TEI_PAGE_SIZE = 100;

/** Longest request target accepted; longer ones get 414 before any parsing. */
const MAX_URL_LENGTH = 8192;
const MAX_FORM_BODY = 65536;
const PACKAGE_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

function plain(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*', ...extra });
  res.end(`${message}\n`);
}

/**
 * Serves the OAI-PMH endpoint at /oai, TEI at /tei/, the project's schemas at /schemas/ and the
 * built output (IIIF, DC, site) at /. Bad requests get 4xx or a protocol error; no stack traces.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const root = resolve(options.root);
  const log = options.log ?? ((d: Diagnostic) => void process.stderr.write(`cablekit: ${formatDiagnostic(d)}\n`));
  let store = options.store;
  const ownStore = store === undefined;
  if (!store) {
    const opened = await openStore(root, config);
    if (!opened.store) throw new Error(opened.diagnostics.map((d) => `${d.message}${d.hint ? ` (${d.hint})` : ''}`).join('; '));
    store = opened.store;
  }
  // Each request reads the store afresh (keyset queries): a build's changes show at once, and
  // nothing of the store is held in memory between requests.
  const repository = repositoryFor(store, root);
  const servedStore = store;
  const settings = oaiSettingsFromConfig(config, options.pageSize ?? DC_PAGE_SIZE);
  if (options.pageSize === undefined) settings.teiPageSize = TEI_PAGE_SIZE;
  const mounts: Mount[] = [
    { prefix: 'tei', dir: resolve(root, config.teiDir) },
    { prefix: 'schemas', dir: PACKAGE_SCHEMAS },
    { prefix: '', dir: resolve(root, config.outputDir) },
  ];
  // The reading edition is also served at the root ("/", "/documents/…"), after the output folder's own paths.
  const siteMounts: Mount[] = [{ prefix: '', dir: resolve(root, config.outputDir, siteSettings(config).siteDir) }];

  async function oai(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let search: URLSearchParams;
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') return plain(res, 415, 'POST requests must be application/x-www-form-urlencoded');
      const body = await readBody(req, MAX_FORM_BODY);
      if (body === undefined) return plain(res, 413, 'request body too large');
      search = new URLSearchParams(body);
    } else {
      search = url.searchParams;
    }
    let answer;
    try {
      answer = await handleOaiRequest(toMultimap(search), repository, settings, new Date());
    } catch (error) {
      // The store failed (a database restarting, a lost connection): harvesters retry after a 503.
      log({ code: 'oai/store-unavailable', severity: 'error', message: `the OAI-PMH record store failed during a request: ${chainMessage(error)}`, hint: 'check the database; harvesters were told to retry (503)' });
      return plain(res, 503, 'the OAI-PMH record store is unavailable; retry later', { 'Retry-After': '10' });
    }
    const body = utf8Parts(answer.parts);
    res.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(body.length), 'Access-Control-Allow-Origin': '*' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The file a URL path names in these mounts (a folder's index.html), or why there is none. */
  function findFile(pathname: string, within: readonly Mount[]): { ok: true; path: string; mount: string; size: number } | { ok: false; status: 400 | 404 } {
    const found = resolveSafePath(pathname, within);
    if (!found.ok) return found;
    for (const path of [found.path, join(found.path, 'index.html')]) {
      try {
        const stat = statSync(path);
        if (stat.isFile()) return { ok: true, path, mount: found.mount, size: stat.size };
      } catch {
        // not there: try the folder's index, then give up
      }
    }
    return { ok: false, status: 404 };
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, url: URL): void {
    let found = findFile(url.pathname, mounts);
    if (!found.ok && found.status === 404) found = findFile(url.pathname, siteMounts);
    if (!found.ok) return plain(res, found.status, found.status === 400 ? 'bad path' : 'not found');
    // Dotfiles (the build state, bookkeeping) and temp files of an interrupted write are never published.
    if (!isPublishable(url.pathname)) return plain(res, 404, 'not found');
    const { path } = found;
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.mount, path),
      'Content-Length': String(found.size),
      'Access-Control-Allow-Origin': '*',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path)
      .on('error', (error) => {
        log({ code: 'serve/read-failed', severity: 'error', message: `cannot read ${path} while serving ${url.pathname}: ${chainMessage(error)}`, file: path });
        res.destroy();
      })
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    if (target.length > MAX_URL_LENGTH) return plain(res, 414, 'request URI too long');
    let url: URL;
    try {
      url = new URL(target, 'http://localhost');
    } catch {
      return plain(res, 400, 'bad request');
    }
    if (url.pathname === '/oai' || url.pathname === '/oai/') {
      if (req.method === 'OPTIONS') return plain(res, 204, '', { 'Access-Control-Allow-Methods': 'GET, POST, HEAD' });
      if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, POST, HEAD' });
      return oai(req, res, url);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return serveFile(req, res, url);
  }

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      // How often those two timeouts are checked (Node's default, 30 s, would let a slow client sit far longer).
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A bug must not leak a stack trace to the client, nor vanish: it is logged as a diagnostic.
        log({ code: 'serve/internal-error', severity: 'error', message: `${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)} failed: ${chainMessage(error)}` });
        if (!res.headersSent) plain(res, 500, 'internal error');
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          if (ownStore) void servedStore.close().then(ok, ok);
          else ok();
        });
      }),
  };
}
