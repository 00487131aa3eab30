import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIIF_JSON, startServer, type RunningServer } from '../../src/server/index.js';
import { corpus } from './corpus.js';
import { buildProject, projectConfig } from './http-support.js';
import { errorCodes, tempDir } from './support.js';

let root: string;
let server: RunningServer;

/** A raw request: fetch would normalise "..", and these tests need the bytes as an attacker sends them. */
function raw(path: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  root = tempDir('cablekit-http-');
  await buildProject(root, corpus(2), new Date('2026-01-10T09:00:00Z'));
  // A secret beside the served folders: nothing may reach it.
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  server = await startServer({ config: projectConfig, root });
});

afterAll(async () => {
  await server.close();
});

describe('serving the built output', () => {
  it('binds to loopback by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves IIIF JSON as JSON-LD with the Presentation 3 profile and CORS', async () => {
    const res = await raw('/iiif/doc-0000/manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(IIIF_JSON);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(res.body)).toMatchObject({ type: 'Manifest' });
  });

  it('serves TEI as application/tei+xml, DC records and the project schemas', async () => {
    const tei = await raw('/tei/doc-0000.xml');
    expect(tei.status).toBe(200);
    expect(tei.headers['content-type']).toBe('application/tei+xml; charset=utf-8');
    expect(tei.body).toContain('<TEI');
    const dc = await raw('/dc/doc-0000.oai_dc.xml');
    expect(dc.status).toBe(200);
    expect(dc.body).toContain('<oai_dc:dc');
    const xsd = await raw('/schemas/dc/qualified-dc.xsd');
    expect(xsd.status).toBe(200);
    expect(xsd.body).toContain('http://dspace.org/qualifieddc/');
    expect((await raw('/tei/doc-0000.xml', 'HEAD')).status).toBe(200);
  });

  it('answers 404 for what does not exist', async () => {
    expect((await raw('/iiif/nope/manifest.json')).status).toBe(404);
    expect((await raw('/nothing-here')).status).toBe(404);
  });
});

describe('bad requests get 4xx or a protocol error, never a 500, a stack trace or a file outside', () => {
  const traversals = [
    '/../secret.txt',
    '/tei/../secret.txt',
    '/tei/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/tei/%2e%2e/secret.txt',
    '/tei/%2E%2E%2Fsecret.txt',
    '/tei/..%2fsecret.txt',
    '/tei/..%5csecret.txt',
    '/iiif/%2e%2e/%2e%2e/secret.txt',
    '/dc/%252e%252e/secret.txt',
    '/tei/%00.xml',
    '/tei/%E0%A4%A',
    '//etc/passwd',
    '/schemas/../../package.json',
    '/schemas/%2e%2e/%2e%2e/package.json',
  ];
  for (const path of traversals) {
    it(`refuses ${path}`, async () => {
      const res = await raw(path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('TOP SECRET');
      expect(res.body).not.toContain('"name": "cablekit"');
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  }

  it('answers 414 to a very long query string', async () => {
    const res = await raw(`/oai?verb=Identify&x=${'a'.repeat(10_000)}`);
    expect(res.status).toBe(414);
  });

  it('answers a query string too long for the HTTP parser with a 4xx', async () => {
    const res = await raw(`/oai?verb=Identify&x=${'a'.repeat(40_000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers 413 to a huge form body and 415 to a body that is not a form', async () => {
    const big = await raw('/oai', 'POST', `verb=Identify&x=${'a'.repeat(100_000)}`, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(big.status).toBe(413);
    const json = await raw('/oai', 'POST', '{"verb":"Identify"}', { 'Content-Type': 'application/json' });
    expect(json.status).toBe(415);
  });

  it('answers 405 to other methods', async () => {
    expect((await raw('/oai', 'DELETE')).status).toBe(405);
    expect((await raw('/tei/doc-0000.xml', 'PUT', 'x')).status).toBe(405);
  });

  it('answers protocol errors with 200 and an OAI error for bad verbs, arguments and tokens', async () => {
    const cases: [string, string][] = [
      ['/oai?verb=Frobnicate', 'badVerb'],
      ['/oai?verb=Identify&verb=Identify', 'badVerb'],
      ['/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=tei', 'badArgument'],
      ['/oai?verb=Identify&%3Cscript%3E=1', 'badArgument'],
      ['/oai?verb=ListRecords&resumptionToken=eyJ2IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAA', 'badResumptionToken'],
      ['/oai?verb=ListRecords&resumptionToken=%E0%A4%A', 'badResumptionToken'],
      ['/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=..%2F..%2Fsecret.txt', 'idDoesNotExist'],
    ];
    for (const [path, code] of cases) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(errorCodes(res.body), path).toEqual([code]);
      expect(res.body).not.toContain('<script>');
    }
  });
});
