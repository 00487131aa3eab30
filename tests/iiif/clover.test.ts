import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPageUrlFromConfig } from '../../src/site/site-urls.js';
import { artifacts, describeInk, EDITION_ORIGIN, ensureArtifacts, firstPaintedPage, inkOf, launchChromium, serveSampleEdition, startViewerHost, watch, type ServedEdition, type ViewerHost } from './viewer-harness.js';

const SEEDS = ['wilson-118686', 'prc-fma-106-01479-08-85-88'];

/**
 * Clover (npm @samvera/clover-iiif) is a React component; its package also publishes a
 * self-contained web-component bundle (<clover-viewer>), which is what a static edition would
 * embed, so no build step is needed.
 */
function viewerPage(manifestId: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>cablekit in Clover</title>
<link rel="icon" href="data:,">
<script src="/clover/index.umd.js"></script></head>
<body style="margin:0"><clover-viewer id="${manifestId}"></clover-viewer></body></html>`;
}

describe('manifests in Clover', () => {
  let edition: ServedEdition;
  let host: ViewerHost;
  let browser: Browser;

  beforeAll(async () => {
    edition = await serveSampleEdition();
    host = await startViewerHost({ clover: '@samvera/clover-iiif/dist/web-components' });
    browser = await launchChromium(edition);
    ensureArtifacts();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await edition?.close();
  });

  it.each(SEEDS)('%s: draws the first page of the translation and shows the link-back as a link', async (id) => {
    const manifest = edition.manifest(id);
    const manifestUrl = `${EDITION_ORIGIN}/iiif/${id}/manifest.json`;
    const documentPage = documentPageUrlFromConfig({ baseUrl: EDITION_ORIGIN }, id);
    const svg = firstPaintedPage(manifest);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { responses, failures } = watch(page);
    await page.goto(host.page(`clover-${id}.html`, viewerPage(manifestUrl)));
    try {
      await expect.poll(() => page.locator('clover-viewer header').first().innerText().catch(() => ''), { timeout: 60_000 }).toContain(manifest.label?.en?.[0]?.slice(0, 40));
      // The first canvas's SVG page is fetched from the edition and drawn on the main stage.
      await expect.poll(() => responses.filter((r) => r.url === svg).map((r) => r.status), { timeout: 30_000 }).toContain(200);
      const stage = page.locator('.clover-iiif-image-openseadragon .openseadragon-canvas').first();
      await expect.poll(async () => describeInk(await inkOf(browser, await stage.screenshot())), { timeout: 30_000 }).toBe('a page of text');

      // The information panel shows the requiredStatement; its link-back is a working HTML link.
      const linkBack = page.getByText('Read and cite it in').locator('a');
      await expect.poll(() => linkBack.getAttribute('href').catch(() => null), { timeout: 15_000 }).toBe(documentPage);
      expect(await linkBack.innerText()).toBe(documentPage);
      // The archive's citation keeps its "<https://…>" source URL as text (not swallowed as a tag).
      const citation = manifest.requiredStatement?.value.en?.[0] ?? '';
      const sourceUrl = /&#60;(https?:\/\/[^&]+)&#62;/.exec(citation)?.[1];
      if (sourceUrl !== undefined) await expect.poll(() => page.locator('clover-viewer').innerText()).toContain(`<${sourceUrl}>`);
    } finally {
      await page.screenshot({ path: join(artifacts, `clover-${id}.png`) });
    }
    const fromEdition = responses.filter((r) => r.url.startsWith(EDITION_ORIGIN));
    expect(fromEdition.map((r) => r.url)).toContain(manifestUrl);
    expect(responses.filter((r) => r.status >= 400)).toEqual([]);
    expect(responses.filter((r) => !r.url.startsWith(EDITION_ORIGIN) && !r.url.startsWith(host.server.url) && !r.url.startsWith('data:'))).toEqual([]);
    expect(failures).toEqual([]);
    await page.close();
  }, 150_000);

  it('has a seed whose citation carries a source URL in angle brackets (what the check above needs)', () => {
    const citations = SEEDS.map((id) => edition.manifest(id).requiredStatement?.value.en?.[0] ?? '');
    expect(citations.some((c) => /&#60;https?:\/\//.test(c))).toBe(true);
  });
});
