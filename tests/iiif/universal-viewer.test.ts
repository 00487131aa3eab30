import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, describeInk, EDITION_ORIGIN, ensureArtifacts, firstPaintedPage, inkOf, launchChromium, serveSampleEdition, startViewerHost, watch, type ServedEdition, type ViewerHost } from './viewer-harness.js';

const SEEDS = ['wilson-118686', 'prc-fma-106-01479-08-85-88'];

/** The embed an edition would publish: Universal Viewer (npm universalviewer) as it ships, one manifest. */
function viewerPage(manifestId: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>cablekit in Universal Viewer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/uv/uv.css">
<script src="/uv/umd/UV.js"></script></head>
<body style="margin:0"><div id="uv" class="uv" style="width:1280px;height:860px"></div>
<script>UV.init('uv', { manifest: ${JSON.stringify(manifestId)}, embedded: true });</script>
</body></html>`;
}

/**
 * Universal Viewer 4.4 hands OpenSeadragon data: URIs for its button images but no prefixUrl, so
 * OpenSeadragon puts its default "/images/" before them and asks the page's own host for
 * "/images/data:image/gif;base64,…" (a 404 whatever the manifest: the buttons are drawn by CSS).
 * That request goes to the host serving UV, never to the edition; it is the only one let pass.
 */
const isUvButtonPlaceholder = (url: string): boolean => new URL(url).pathname.startsWith('/images/data:image/');

describe('manifests in Universal Viewer', () => {
  let edition: ServedEdition;
  let host: ViewerHost;
  let browser: Browser;

  beforeAll(async () => {
    edition = await serveSampleEdition();
    host = await startViewerHost({ uv: 'universalviewer/dist' });
    browser = await launchChromium(edition);
    ensureArtifacts();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await edition?.close();
  });

  it.each(SEEDS)('%s: draws the first page of the translation, and nothing it asks for is missing', async (id) => {
    const manifest = edition.manifest(id);
    const manifestUrl = `${EDITION_ORIGIN}/iiif/${id}/manifest.json`;
    expect(manifest.id).toBe(manifestUrl);
    const svg = firstPaintedPage(manifest);
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const { responses, failures } = watch(page);
    await page.goto(host.page(`uv-${id}.html`, viewerPage(manifestUrl)));
    const viewer = page.locator('#uv .centerPanel .openseadragon-canvas').first();
    try {
      // The title bar carries the manifest's label.
      await expect.poll(() => page.locator('#uv .centerPanel .title').first().innerText().catch(() => ''), { timeout: 60_000 }).toContain(manifest.label?.en?.[0]?.slice(0, 40));
      // The first canvas's SVG page is fetched from the edition…
      await expect.poll(() => responses.filter((r) => r.url === svg).map((r) => r.status), { timeout: 30_000 }).toContain(200);
      // …and drawn: the viewer's black stage shows paper with ink on it.
      await expect.poll(async () => describeInk(await inkOf(browser, await viewer.screenshot())), { timeout: 30_000 }).toBe('a page of text');
    } finally {
      // Kept as the test's artifact; on a failure it shows what the viewer displayed instead.
      await page.screenshot({ path: join(artifacts, `universal-viewer-${id}.png`) });
    }
    const fromEdition = responses.filter((r) => r.url.startsWith(EDITION_ORIGIN));
    expect(fromEdition.map((r) => r.url)).toContain(manifestUrl);
    expect(fromEdition.filter((r) => r.status >= 400)).toEqual([]);
    expect(responses.filter((r) => r.status >= 400 && !r.url.startsWith(EDITION_ORIGIN) && !isUvButtonPlaceholder(r.url))).toEqual([]);
    // Nothing from a third host: only the edition and the host serving UV's own files.
    expect(responses.filter((r) => !r.url.startsWith(EDITION_ORIGIN) && !r.url.startsWith(host.server.url) && !r.url.startsWith('data:'))).toEqual([]);
    expect(failures).toEqual([]);
    await page.close();
  }, 150_000);
});
