import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';

describe('cablekit serve shows the reading edition at its root', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    assertCliBuilt();
    dir = makeEdition({ siteDir: 'edition/web' });
    const built = runCli(['build', '--no-progress'], dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/Search index: 2 pages in [\d.]+ s/);
    const { config } = loadConfig(undefined, dir);
    server = await startServer({ config: config!, root: dir });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with the index page of the site', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('href="documents/wilson-118686.html"');
    expect(page).toContain('href="documents/prc-fma-106-01479-08-85-88.html"');
  });

  it('serves the document pages, downloads and search bundle at the root and under the site folder', async () => {
    for (const path of ['/documents/wilson-118686.html', '/edition/web/documents/wilson-118686.html']) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<meta name="citation_title"');
    }
    const bib = await fetch(`${server.url}/documents/wilson-118686.bib`);
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(await bib.text()).toMatch(/^@\w+\{/);
    expect((await fetch(`${server.url}/pagefind/pagefind-ui.js`)).status).toBe(200);
  });

  it('keeps the output folder\'s own paths and refuses paths that climb out', async () => {
    const iiif = await fetch(`${server.url}/iiif/collection.json`);
    expect(iiif.status).toBe(200);
    expect(iiif.headers.get('content-type')).toContain('application/ld+json');
    expect([400, 404]).toContain((await fetch(`${server.url}/documents/%2e%2e/%2e%2e/cablekit.config.json`)).status);
    expect((await fetch(`${server.url}/documents/..%5c..%5ccablekit.config.json`)).status).toBe(400);
    expect((await fetch(`${server.url}/no-such-page.html`)).status).toBe(404);
  });
});
