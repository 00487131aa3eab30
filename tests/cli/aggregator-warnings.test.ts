import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

const editions: string[] = [];
beforeAll(assertCliBuilt);
afterAll(() => {
  for (const dir of editions) rmSync(dir, { recursive: true, force: true });
});

// The real CLI over the seed pages (one of them carries Cloudflare's "[email protected]").
describe('build and validate tell the user what aggregators will make of the edition', { timeout: 180_000 }, () => {
  it('the default rights URI (UND) is reported as not accepted by Europeana, by build and by validate', () => {
    const dir = makeEdition();
    editions.push(dir);
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status).toBe(0);
    expect(build.stderr).toMatch(/warning dc\/rights-uri-not-europeana rightsUri "http:\/\/rightsstatements\.org\/vocab\/UND\/1\.0\/"/);
    expect(build.stderr).toMatch(/^tei\/\S+\.xml warning dc\/scrape-artefact .*\[email protected\]/m);
    const validate = runCli(['validate'], dir);
    expect(validate.status).toBe(0);
    expect(validate.stderr).toMatch(/^cablekit\.config\.json warning dc\/rights-uri-not-europeana /m);
    // The change discovery feed was written beside the other outputs.
    const collection = JSON.parse(readFileSync(join(dir, 'output', 'activity', 'all-changes.json'), 'utf8')) as { totalItems: number };
    expect(collection.totalItems).toBe(2);
  });

  it('a Creative Commons licence gives no rights warning; an https form of one is unrecognised', () => {
    const cc = makeEdition({ rightsUri: 'http://creativecommons.org/licenses/by/4.0/' });
    const https = makeEdition({ rightsUri: 'https://creativecommons.org/licenses/by/4.0/' });
    editions.push(cc, https);
    expect(runCli(['build', '--no-progress'], cc).stderr).not.toMatch(/dc\/rights-uri/);
    // The IIIF stage refuses such a rights URI (iiif/rights-uri, an error); the TEI is still written.
    expect(runCli(['build', '--no-progress'], https).stderr).toMatch(/iiif\/rights-uri/);
    expect(existsSync(join(https, 'tei'))).toBe(true);
    // With paths and -c, validate checks the edition's settings too.
    const bad = runCli(['validate', '-c', 'cablekit.config.json', 'tei'], https);
    expect(bad.status).toBe(0);
    expect(bad.stderr).toMatch(/^cablekit\.config\.json warning dc\/rights-uri-unrecognised .*\(write it with http:\/\//m);
  });
});
