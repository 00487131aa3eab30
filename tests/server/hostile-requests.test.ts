import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';

let dir: string;
let server: RunningServer;
const logged: Diagnostic[] = [];

/** The bytes as an attacker sends them (fetch would normalise the path). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Writes `text` on a raw socket and resolves with everything the server sent until it closed. */
function rawSocket(text: string): Promise<string> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (got += c));
    socket.on('close', () => done(got));
    // A server that answers before reading all of a too-large head may reset the connection after its answer.
    socket.on('error', (error) => (got !== '' ? done(got) : fail(error)));
  });
}

beforeAll(async () => {
  assertCliBuilt();
  dir = makeEdition();
  const built = runCli(['build', '--no-progress'], dir);
  expect(built.status, built.stderr).toBe(0);
  // What a SIGKILL during an atomic write leaves behind, beside the real files.
  const manifests = readdirSync(join(dir, 'output', 'iiif')).filter((n) => !n.endsWith('.json'));
  writeFileSync(join(dir, 'output', 'iiif', manifests[0]!, 'manifest.json.2998829218'), '{"half": ');
  writeFileSync(join(dir, 'tei', 'wilson-118686.xml.123456'), '<TEI');
  mkdirSync(join(dir, 'output', '.cablekit-tmp'), { recursive: true });
  writeFileSync(join(dir, 'output', '.cablekit-tmp', 'x.json'), '{}');
  const { config } = loadConfig(undefined, dir);
  server = await startServer({ config: config!, root: dir, log: (d) => logged.push(d), headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve never publishes temp or bookkeeping files', () => {
  it('still serves the real TEI and manifests', async () => {
    expect((await raw('/tei/wilson-118686.xml')).status).toBe(200);
    expect((await raw('/iiif/collection.json')).status).toBe(200);
  });

  for (const path of [
    '/tei/.cablekit-state.json',
    '/tei/%2ecablekit-state.json',
    '/tei/wilson-118686.xml.123456',
    '/.cablekit-tmp/x.json',
    '/.cablekit/oai-store.json',
    '/%2Ecablekit/outputs.sha256',
  ]) {
    it(`answers 404 to ${path}`, async () => {
      const res = await raw(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('"documents"');
      expect(res.body).not.toContain('<TEI');
    });
  }

  it('answers 404 to a temp file an interrupted manifest write left', async () => {
    const manifests = readdirSync(join(dir, 'output', 'iiif')).filter((n) => !n.endsWith('.json'));
    const res = await raw(`/iiif/${manifests[0]}/manifest.json.2998829218`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('half');
  });
});

describe('hostile requests on loopback', () => {
  it('a slow-header client is cut off by the header timeout while others are served', async () => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname);
    let closed = false;
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    const gone = new Promise<void>((done) => socket.on('close', () => ((closed = true), done())));
    socket.on('error', () => undefined);
    socket.write('GET /tei/wilson-118686.xml HTTP/1.1\r\nHost: x\r\n');
    // One header byte every 200 ms: it never finishes its head.
    const drip = setInterval(() => {
      if (!closed) socket.write('X');
    }, 200);
    expect((await raw('/iiif/collection.json')).status).toBe(200);
    await gone;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it('a malformed request line gets 400 and the server goes on', async () => {
    expect(await rawSocket('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawSocket('GET /tei/ HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await raw('/tei/wilson-118686.xml')).status).toBe(200);
  });

  it('a huge header gets 431, a huge query string 414, traversal 400/404; never a 5xx', async () => {
    expect(await rawSocket(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    expect((await raw(`/oai?verb=Identify&q=${'%41'.repeat(5000)}`)).status).toBe(414);
    for (const path of ['/tei/..%2f..%2fcablekit.config.json', '/tei/%252e%252e/cablekit.config.json', '/%c0%ae%c0%ae/cablekit.config.json', '/tei/%ZZ']) {
      const res = await raw(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('sourcesDir');
    }
  });

  it('logs nothing for a healthy store', () => {
    expect(logged.filter((d) => d.code.startsWith('oai/'))).toEqual([]);
  });
});

describe('failures while serving are logged as typed diagnostics', () => {
  it('a corrupt OAI store is reported when the server starts, not swallowed', async () => {
    const corrupt = makeEdition();
    try {
      mkdirSync(join(corrupt, '.cablekit'), { recursive: true });
      writeFileSync(join(corrupt, '.cablekit', 'oai-store.json'), '{ not json');
      const { config } = loadConfig(undefined, corrupt);
      // The store is opened when the server starts: a store it cannot take over stops it with the reason and what to do.
      await expect(startServer({ config: config!, root: corrupt, log: () => undefined })).rejects.toThrow(/OAI store is not valid.*restore it from a backup/);
    } finally {
      rmSync(corrupt, { recursive: true, force: true });
    }
  });
});
