import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deriveInMemory, readPageImages } from '../../src/pipeline/index.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, IIIFExternalWebResource, Manifest } from '@iiif/presentation-3';
import type { DecodedCable } from '../../src/stage/index.js';
import { iiifStage } from '../../src/iiif/index.js';
import { conversationCable, jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';
import { jpegHeader, tinyPng } from './tiny-images.js';
import { text } from './output-text.js';
import type { OutputFile } from '../../src/stage/index.js';

let imagesDir: string;

beforeAll(() => {
  imagesDir = mkdtempSync(join(tmpdir(), 'cablekit-iiif-images-'));
  const folder = join(imagesDir, 'wilson-118686');
  mkdirSync(folder);
  // Numeric-aware order: p2 comes before p10.
  writeFileSync(join(folder, 'p10.png'), tinyPng(40, 60));
  writeFileSync(join(folder, 'p2.jpg'), jpegHeader(320, 480));
  writeFileSync(join(folder, 'notes.txt'), 'not an image');
  writeFileSync(join(folder, 'p11.png'), Buffer.from('broken'));
});

afterAll(() => rmSync(imagesDir, { recursive: true, force: true }));

const decoded = (cable = jiaoRuoyuCable()): DecodedCable => ({ cable, teiPath: `tei/${cable.id}.xml`, teiSha256: '0'.repeat(64) });

function manifestFrom(files: readonly OutputFile[], id: string): Manifest {
  const file = files.find((f) => f.path === `iiif/${id}/manifest.json`);
  if (!file) throw new Error(`no manifest for ${id}`);
  return JSON.parse(text(file)) as Manifest;
}

describe('page images', () => {
  it('are read with their real dimensions, in page order, skipping what is not an image', () => {
    const { images, diagnostics } = readPageImages(imagesDir, 'wilson-118686');
    expect(images.map((i) => [i.fileName, i.width, i.height, i.format])).toEqual([
      ['p2.jpg', 320, 480, 'image/jpeg'],
      ['p10.png', 40, 60, 'image/png'],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['iiif/unreadable-image']);
    expect(readPageImages(imagesDir, 'no-such-document').images).toEqual([]);
  });

  it('give image canvases of the images’ size; a cable without images gets text canvases', () => {
    const config = testConfig({ imagesDir, imageServiceTemplate: 'https://images.example.org/iiif/3/{id}' });
    const { files, diagnostics } = deriveInMemory(iiifStage, [decoded(), decoded(conversationCable())], config);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    // The images are published where the manifest points, byte for byte; the broken one is not.
    const published = files.filter((f) => f.path.startsWith('images/')).map((f) => [f.path, Buffer.from(f.content).equals(readFileSync(join(imagesDir, f.path.slice('images/'.length))))]);
    expect(published).toEqual([
      ['images/wilson-118686/p2.jpg', true],
      ['images/wilson-118686/p10.png', true],
    ]);

    const withImages = manifestFrom(files, 'wilson-118686');
    expect(withImages.items.map((c) => [c.width, c.height])).toEqual([
      [320, 480],
      [40, 60],
    ]);
    const painting = withImages.items[0]?.items?.[0]?.items?.[0] as Annotation;
    expect(painting.motivation).toBe('painting');
    const image = painting.body as IIIFExternalWebResource;
    expect(image).toMatchObject({ type: 'Image', format: 'image/jpeg', width: 320, height: 480, id: 'http://127.0.0.1:8080/images/wilson-118686/p2.jpg' });
    expect(image.service?.[0]).toEqual({ id: 'https://images.example.org/iiif/3/wilson-118686/p2', type: 'ImageService3', profile: 'level0' });
    expect(withImages.items[0]?.thumbnail?.[0]).toMatchObject({ type: 'Image', width: 320 });
    expect(withImages.items[0]?.annotations?.[0]?.items?.[0]?.motivation).toBe('supplementing');
    expect(officialErrors(withImages)).toEqual([]);

    const withoutImages = manifestFrom(files, 'record-of-conversation-1965-10-29');
    expect(withoutImages.items).toHaveLength(1);
    expect(withoutImages.items[0]?.items?.[0]?.items?.[0]?.body).toMatchObject({ type: 'Image', id: expect.stringMatching(/\/text\/p1\.svg$/) });
    expect(withoutImages.items[0]?.thumbnail?.[0]).toMatchObject({ type: 'Image', format: 'image/svg+xml' });

    // The collections point to the first page image as the manifest's thumbnail.
    const corpus = JSON.parse(text(files.find((f) => f.path === 'iiif/collection.json')!)) as { items: { id: string; thumbnail?: { id: string }[] }[] };
    const reference = corpus.items.find((i) => i.id.endsWith('/wilson-118686/manifest.json'));
    expect(reference?.thumbnail?.[0]?.id).toBe('http://127.0.0.1:8080/images/wilson-118686/p2.jpg');
    // A manifest without images shows its first page of text drawn as SVG.
    expect(corpus.items.find((i) => i !== reference)?.thumbnail?.[0]?.id).toBe('http://127.0.0.1:8080/iiif/record-of-conversation-1965-10-29/text/p1.svg');
  });
});
