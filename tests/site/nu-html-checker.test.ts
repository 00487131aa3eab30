import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshOutputDir, writeSite } from './built-site.js';

const VNU = fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

describe('the Nu Html Checker on the site pages', () => {
  let outputDir: string;
  beforeAll(async () => {
    outputDir = freshOutputDir();
    await writeSite(outputDir, 'http://127.0.0.1:8080');
  }, 120_000);
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

  it('finds no error on both seeds\' pages, the index, the search page and every browse page', () => {
    const site = join(outputDir, 'site');
    const pages = [
      'documents/wilson-118686.html',
      'documents/prc-fma-106-01479-08-85-88.html',
      'index.html',
      'search.html',
      // Every browse page: the browse index, a page per facet and a page per value.
      ...readdirSync(join(site, 'browse'), { recursive: true, encoding: 'utf8' })
        .filter((p) => p.endsWith('.html'))
        .map((p) => `browse/${p}`),
    ].map((p) => join(site, p));
    expect(pages.filter((p) => p.includes('/browse/years/')).length).toBeGreaterThan(1);
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw new Error(`could not run java (Debian package default-jre-headless): ${run.error.message}`);
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url: string; message: string }[] };
    expect(report.messages.filter((m) => m.type === 'error').map((m) => `${m.url}: ${m.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  }, 120_000);
});
