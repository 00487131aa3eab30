import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { deriveInMemory } from '../../src/pipeline/index.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { requireProgram } from '../support/programs.js';
import type { DecodedCable } from '../../src/stage/index.js';
import { iiifStage } from '../../src/iiif/index.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import type { Manifest } from '@iiif/presentation-3';
import type { Cable } from '../../src/model/cable.js';
import { blockReadingText, normalizeWhitespace } from '../../src/model/reading-text.js';
import { conversationCable, testConfig } from './cable-fixtures.js';
import { seedCables } from './seed-cables.js';
import { tinyPng } from './tiny-images.js';
import { text } from './output-text.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const miradorBundle = join(repoRoot, 'node_modules/mirador/dist/mirador.min.js');
const artifacts = join(repoRoot, 'tests/artifacts');

/** The page an edition would publish: Mirador with the manifest, showing supplementing annotations too. */
function viewerPage(manifestId: string): string {
  const config = {
    id: 'viewer',
    // Mirador lists only commenting/tagging annotations by default; a translation is "supplementing".
    annotations: { filteredMotivations: ['oa:commenting', 'oa:tagging', 'sc:painting', 'commenting', 'tagging', 'supplementing'] },
    window: { allowClose: false, sideBarOpen: true, defaultSideBarPanel: 'canvas' },
    windows: [{ manifestId }],
    workspaceControlPanel: { enabled: false },
  };
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>cablekit in Mirador</title></head>
<body style="margin:0"><div id="viewer" style="position:absolute;inset:0"></div>
<script src="/mirador.min.js"></script>
<script>Mirador.viewer(${JSON.stringify(config)});</script>
</body></html>`;
}

/** A few words of the first paragraph of the translation: what the annotations panel must show. */
function translationSnippet(cable: Cable): string {
  const paragraph = cable.body.find((b) => b.kind === 'paragraph' && normalizeWhitespace(blockReadingText(b)).length > 20);
  if (!paragraph) throw new Error(`${cable.id} has no paragraph`);
  return normalizeWhitespace(blockReadingText(paragraph)).split(' ').slice(0, 6).join(' ');
}

// The two seed pages as ingest reads them (text canvases), and a cable with page images.
const withImages: Cable = { ...conversationCable(), id: 'fixture-with-page-images' };
const cables: Cable[] = [...seedCables(), withImages];

describe('manifests in Mirador', () => {
  let outputDir: string;
  let server: StaticServer;
  let browser: Browser;
  const manifests = new Map<string, Manifest>();

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'cablekit-mirador-'));
    server = await startStaticServer(outputDir, { '/mirador.min.js': miradorBundle });
    // Build the IIIF output with ids under the loopback server, as `cablekit build` would for this base URL.
    const decoded: DecodedCable[] = cables.map((cable) => ({ cable, teiPath: `tei/${cable.id}.xml`, teiSha256: '0'.repeat(64) }));
    // Page images live outside the published folder: the stage itself must publish them to images/.
    const imagesDir = mkdtempSync(join(tmpdir(), 'cablekit-mirador-images-'));
    mkdirSync(join(imagesDir, withImages.id), { recursive: true });
    writeFileSync(join(imagesDir, withImages.id, 'p1.png'), tinyPng(400, 566));
    writeFileSync(join(imagesDir, withImages.id, 'p2.png'), tinyPng(400, 566));
    const { files } = deriveInMemory(iiifStage, decoded, testConfig({ baseUrl: server.url, imagesDir }));
    for (const file of files) {
      mkdirSync(dirname(join(outputDir, file.path)), { recursive: true });
      writeFileSync(join(outputDir, file.path), file.content);
    }
    for (const cable of cables) {
      const manifestFile = `iiif/${cable.id}/manifest.json`;
      manifests.set(cable.id, JSON.parse(text(files.find((f) => f.path === manifestFile)!)) as Manifest);
      writeFileSync(join(outputDir, `viewer-${cable.id}.html`), viewerPage(`${server.url}/${manifestFile}`));
    }
    browser = await chromium.launch({
      executablePath: requireProgram('chromium', 'chromium'),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it.each(cables.map((c) => [c.id, c] as const))('%s: shows the title, the canvases and the translation', async (_id, cable) => {
    const manifest = manifests.get(cable.id)!;
    const canvasLabels = manifest.items.map((c) => c.label?.none?.[0] ?? '');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures: string[] = [];
    mkdirSync(artifacts, { recursive: true });
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
    const imagesLoaded: string[] = [];
    page.on('response', (response) => {
      // Page images, and the SVG pages of text canvases.
      if (response.ok() && (response.url().includes('/images/') || response.url().endsWith('.svg'))) imagesLoaded.push(response.url());
    });
    await page.goto(`${server.url}/viewer-${cable.id}.html`);
    try {
      // The window's title bar carries the manifest label.
      await expect.poll(async () => (await page.locator('.mirador-window-top-bar').allInnerTexts()).join('\n'), { timeout: 30_000 }).toContain(cable.title!);

      // The canvas index lists every canvas by its page label.
      const sidePanel = page.locator('.mirador-companion-window-left');
      for (const label of canvasLabels) {
        await expect.poll(() => sidePanel.getByText(label, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
      }

      // An image canvas is painted with its page image, fetched from the published folder.
      const firstImage = manifest.items[0]?.thumbnail?.[0]?.id;
      if (firstImage !== undefined) await expect.poll(() => imagesLoaded, { timeout: 15_000 }).toContain(firstImage);

      // The annotations panel reaches the translation on the first canvas.
      await page.getByRole('tab', { name: /annotations/i }).click();
      await expect
        .poll(async () => normalizeWhitespace(await sidePanel.innerText()), { timeout: 15_000 })
        .toContain(translationSnippet(cable));
    } finally {
      // Kept as the test's artifact; on a failure it shows what the viewer displayed instead.
      await page.screenshot({ path: join(artifacts, `mirador-${cable.id}.png`) });
    }
    expect(failures).toEqual([]);
    await page.close();
  });
});
