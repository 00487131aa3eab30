import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI } from '../cli/cli-harness.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { corpus } from './corpus.js';
import { buildProject, projectConfig } from './http-support.js';
import { errorCodes, identifiers, resumptionToken, tempDir, validateResponse } from './support.js';

/** `cablekit serve` in its own process on a free loopback port; resolves with its URL. */
function serve(cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  return new Promise((ok, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (url) ok({ url, child });
    });
    child.on('exit', (code) => fail(new Error(`cablekit serve exited (${code}) before serving: ${stderr}`)));
  });
}

let cluster: PostgresCluster;
let root: string;
const servers: ChildProcess[] = [];
const RECORDS = 549; // corpus(549) has 550 cables: six pages of 100

beforeAll(async () => {
  assertCliBuilt();
  cluster = await startPostgresCluster();
  const url = await cluster.createDatabase('two_servers');
  root = tempDir('cablekit-pg-serve-');
  const config = { ...projectConfig, outputDir: join(root, 'output'), oai: { ...projectConfig.oai, store: url } };
  await buildProject(root, corpus(RECORDS), new Date('2026-01-10T09:00:00Z'), {}, config);
  writeFileSync(
    join(root, 'cablekit.config.json'),
    JSON.stringify({ teiDir: 'tei', outputDir: 'output', sourcesDir: 'sources', oai: { repositoryIdentifier: 'edition.example.org', store: url } }),
  );
}, 180_000);

afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
  cluster?.stop();
});

describe('two cablekit serve processes on one PostgreSQL', () => {
  it('a harvest alternating between them, following tokens, gets every record exactly once', async () => {
    const a = await serve(root);
    servers.push(a.child);
    const b = await serve(root);
    servers.push(b.child);
    const seen: string[] = [];
    const served: string[] = [];
    let query = 'verb=ListRecords&metadataPrefix=oai_dc';
    for (let page = 0; page < 20; page++) {
      const base = page % 2 === 0 ? a.url : b.url;
      served.push(base);
      const xml = await (await fetch(`${base}/oai?${query}`)).text();
      expect(errorCodes(xml), xml.slice(0, 500)).toEqual([]);
      expect(validateResponse(xml)).toEqual([]);
      seen.push(...identifiers(xml).filter((id) => id.startsWith('oai:')));
      const token = resumptionToken(xml);
      if (!token || token.token === '') break;
      expect(token.completeListSize).toBe(RECORDS + 1);
      query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token.token)}`;
    }
    expect(new Set(served)).toEqual(new Set([a.url, b.url]));
    expect(seen).toHaveLength(RECORDS + 1);
    expect(new Set(seen).size).toBe(RECORDS + 1);
    expect(seen).toEqual(corpus(RECORDS).map((c) => `oai:edition.example.org:${c.id}`).sort());
  }, 120_000);
});
