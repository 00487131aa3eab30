import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '@iiif/presentation-3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLI, makeEdition, runCli } from '../cli/cli-harness.js';
import { requireProgram } from '../support/programs.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/**
 * What the Universal Viewer and Clover tests share: the sample edition built by the real CLI and
 * served by a real `cablekit serve` on loopback, a second loopback server for the viewer's own
 * files (from node_modules, nothing from another host), and Chromium.
 *
 * The edition is published at EDITION_ORIGIN, its `baseUrl`, so every IIIF id names that host;
 * Chromium resolves it to the loopback port `cablekit serve` picked (port 0), so the viewers
 * fetch the manifests, SVG pages and links exactly as they would from a real host.
 */
export const EDITION_ORIGIN = 'http://cablekit.test';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const nodeModules = join(repoRoot, 'node_modules');
/** Screenshots kept as the tests' artifacts (gitignored). */
export const artifacts = join(repoRoot, 'tests/artifacts');

export interface ServedEdition {
  /** The project folder: sources, tei/, output/. */
  dir: string;
  /** Where `cablekit serve` listens ("http://127.0.0.1:<port>"). */
  url: string;
  manifest(id: string): Manifest;
  close(): Promise<void>;
}

/** `cablekit build` then `cablekit serve --port 0` on the sample seeds, as a user runs them. */
export async function serveSampleEdition(): Promise<ServedEdition> {
  const dir = makeEdition({ baseUrl: EDITION_ORIGIN });
  const build = runCli(['build', '--no-progress'], dir);
  if (build.status !== 0) throw new Error(`cablekit build failed (${build.status}): ${build.stderr}`);
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving (http:\/\/\S+?) /.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`cablekit serve exited early: ${stderr}`)));
  });
  return {
    dir,
    url,
    manifest: (id) => JSON.parse(readFileSync(join(dir, 'output/iiif', id, 'manifest.json'), 'utf8')) as Manifest,
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ViewerHost {
  server: StaticServer;
  /** Writes a page of the viewer host; returns its URL. */
  page(name: string, html: string): string;
  close(): Promise<void>;
}

/**
 * A loopback server for a viewer's own files: `links` maps a folder name of the host to a folder
 * (or file) of node_modules, served as they are published on npm.
 */
export async function startViewerHost(links: Record<string, string>): Promise<ViewerHost> {
  const root = mkdtempSync(join(tmpdir(), 'cablekit-viewer-host-'));
  for (const [name, target] of Object.entries(links)) symlinkSync(join(nodeModules, target), join(root, name));
  const server = await startStaticServer(root);
  return {
    server,
    page(name, html) {
      writeFileSync(join(root, name), html);
      return `${server.url}/${name}`;
    },
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium that resolves the edition's host to `cablekit serve`. */
export async function launchChromium(edition: ServedEdition): Promise<Browser> {
  const port = new URL(edition.url).port;
  return chromium.launch({
    executablePath: requireProgram('chromium', 'chromium'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${new URL(EDITION_ORIGIN).host} 127.0.0.1:${port}`,
    ],
  });
}

export interface Exchange {
  url: string;
  status: number;
}

/** Every response a page got, every request that failed outright, and every script error. */
export function watch(page: Page): { responses: Exchange[]; failures: string[] } {
  const responses: Exchange[] = [];
  const failures: string[] = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  return { responses, failures };
}

export interface Ink {
  /** Share of the region's pixels that are paper (near white). */
  paper: number;
  /** Share of the pixels inside the paper's bounding box that are ink (dark). */
  ink: number;
}

/**
 * How much of a screenshot is a page of text: paper-coloured pixels, and dark pixels among them.
 * The viewers' backgrounds are black (UV) or grey (Clover): without the SVG drawn there is no
 * paper, and paper without ink would be a blank page. Decoded in the browser (no PNG library).
 */
export async function inkOf(browser: Browser, png: Buffer): Promise<Ink> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!DOCTYPE html><html lang="en"><head><title>pixels</title></head><body></body></html>');
    const measure = `(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, img.width, img.height);
      let paper = 0, minX = width, minY = height, maxX = -1, maxY = -1;
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i] > 235 && data[i + 1] > 235 && data[i + 2] > 225) {
          paper++;
          if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
        }
      }
      let ink = 0;
      for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) {
        const i = (y * width + x) * 4;
        if (data[i] + data[i + 1] + data[i + 2] < 300) ink++;
      }
      const box = maxX < 0 ? 1 : (maxX - minX + 1) * (maxY - minY + 1);
      return { paper: paper / (width * height), ink: ink / box };
    })(${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)})`;
    return (await page.evaluate(measure)) as Ink;
  } finally {
    await page.close();
  }
}

/** "a page of text" when a region shows one (a fifth of it paper, ink on the paper), else the figures. */
export function describeInk(ink: Ink): string {
  return ink.paper > 0.2 && ink.ink > 0.005 ? 'a page of text' : `paper ${ink.paper.toFixed(3)}, ink ${ink.ink.toFixed(4)}`;
}

export function ensureArtifacts(): void {
  mkdirSync(artifacts, { recursive: true });
}

/** The URL of the SVG page painted on a manifest's first canvas. */
export function firstPaintedPage(manifest: Manifest): string {
  const body = manifest.items[0]?.items?.[0]?.items?.[0]?.body as { id?: string } | undefined;
  if (body?.id === undefined) throw new Error(`${manifest.id} has no painted first canvas`);
  return body.id;
}
