import { describe, expect, it } from 'vitest';
import type { Annotation, Canvas, Manifest } from '@iiif/presentation-3';
import { buildManifest, deriveIiifFiles, iiifIds, validateIiif, type IiifInputs } from '../../src/iiif/index.js';
import { readPlaceAuthority } from '../../src/pipeline/index.js';
import { conversationCable, jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { text } from './output-text.js';

const { authority } = readPlaceAuthority();
const config = testConfig();
const ids = iiifIds(config.baseUrl);
const manifestOf = (cable = jiaoRuoyuCable()): Manifest => buildManifest(cable, { config, ids, pageImages: [], places: authority });

function metadataValue(manifest: Manifest, label: string): string[] {
  const item = manifest.metadata?.find((m) => m.label.en?.[0] === label);
  return Object.values(item?.value ?? {}).flatMap((v) => v ?? []);
}

describe('manifest of a cable', () => {
  const manifest = manifestOf();

  it('carries title, summary and both dates as written', () => {
    expect(manifest.label).toEqual({ en: [jiaoRuoyuCable().title] });
    expect(manifest.summary?.en?.[0]).toBe(jiaoRuoyuCable().summary);
    expect(metadataValue(manifest, 'Date')).toEqual(['December 15, 1965']);
    expect(metadataValue(manifest, 'Dates in the text')).toEqual(['24 December [1965]']);
    expect(manifest.navDate).toBe('1965-12-15T00:00:00Z');
  });

  it('carries archive reference, author, translators, funder, language and type', () => {
    expect(metadataValue(manifest, 'Archive reference')).toEqual(['PRC FMA 106-01480-05, 46-49']);
    expect(metadataValue(manifest, 'Author')).toEqual(['Jiao Ruoyu']);
    expect(metadataValue(manifest, 'Translator')).toEqual(['Charles Kraus']);
    expect(metadataValue(manifest, 'Funder')).toEqual(['MacArthur Foundation']);
    expect(metadataValue(manifest, 'Original language')).toEqual(['Chinese']);
    expect(metadataValue(manifest, 'Document type')).toEqual(['Cable']);
    const attribution = Object.values(manifest.requiredStatement?.value ?? {}).flatMap((v) => v ?? []);
    expect(attribution.join('\n')).toContain('Wilson Center Digital Archive, PRC FMA 106-01480-05');
    expect(attribution.join('\n')).toContain('MacArthur Foundation');
  });

  it('carries rights, provider, homepage and links to the TEI and DC', () => {
    expect(manifest.rights).toBe(config.rightsUri);
    expect(manifest.provider?.[0]?.type).toBe('Agent');
    expect(manifest.provider?.[0]?.homepage?.[0]?.id).toBe(config.provider.homepage);
    const page = `${config.baseUrl}/site/documents/wilson-118686.html`;
    expect(manifest.homepage?.map((h) => h.id)).toEqual([page, ...jiaoRuoyuCable().urls]);
    const seeAlso = manifest.seeAlso ?? [];
    expect(seeAlso).toContainEqual(expect.objectContaining({ id: `${config.baseUrl}/tei/wilson-118686.xml`, type: 'Dataset', format: 'application/tei+xml' }));
    expect(seeAlso).toContainEqual(expect.objectContaining({ id: `${config.baseUrl}/dc/wilson-118686.oai_dc.xml`, profile: expect.any(String) }));
    expect(manifest.rendering?.map((r) => [r.id, (r as { format?: string }).format])).toEqual([
      [page, 'text/html'],
      [`${config.baseUrl}/tei/wilson-118686.xml`, 'application/tei+xml'],
    ]);
    // The link-back in the attribution is HTML within IIIF's subset, so viewers show a working link.
    const attribution = manifest.requiredStatement?.value.en ?? [];
    expect(attribution).toContainEqual(expect.stringContaining(`<a href="${page}">${page}</a>`));
    expect(attribution.find((v) => v.includes('<a '))).toMatch(/^<span>.*<\/span>$/);
    // Every value is HTML with its text escaped: viewers that render all values as HTML (Clover)
    // would otherwise drop a citation's "<https://…>" as an unknown tag.
    for (const value of attribution) expect(value).toMatch(/^<span>.*<\/span>$/s);
    const withUrl = manifestOf({ ...jiaoRuoyuCable(), citation: 'Cited as it stands.\n<https://archive.example.org/document/1> & more' });
    expect(withUrl.requiredStatement?.value.en?.[0]).toBe('<span>Cited as it stands.<br>&#60;https://archive.example.org/document/1&#62; &#38; more</span>');
    expect(validateIiif(withUrl, 'manifest.json')).toEqual([]);
    expect(validateIiif(manifest, 'manifest.json')).toEqual([]);
  });

  it('is part of the corpus and of its archive, year and type collections', () => {
    expect(manifest.partOf?.map((p) => p.id)).toEqual([
      `${config.baseUrl}/iiif/collection.json`,
      `${config.baseUrl}/iiif/collections/archive-prc-fma.json`,
      `${config.baseUrl}/iiif/collections/year-1965.json`,
      `${config.baseUrl}/iiif/collections/type-cable.json`,
    ]);
  });

  it('puts only places of the authority file on the map', () => {
    const navPlace = manifest.navPlace as unknown as { features: { geometry: { coordinates: number[] }; properties: { label: { en: string[] } } }[] };
    expect(navPlace.features.map((f) => f.properties.label.en[0])).toEqual(['Pyongyang']);
    expect(navPlace.features[0]?.geometry.coordinates).toEqual([125.7625, 39.0392]);
    expect(manifest['@context']).toContain('http://iiif.io/api/extension/navplace/context.json');
    const withoutPlaces = manifestOf(conversationCable());
    expect(withoutPlaces.navPlace).toBeUndefined();
    expect(withoutPlaces['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
  });

  it('gives one text canvas per page of the archive reference, the translation on the first', () => {
    const canvases = manifest.items;
    expect(canvases.map((c) => c.label?.none?.[0])).toEqual(['46', '47', '48', '49']);
    for (const [i, canvas] of canvases.entries()) {
      // Painted with its page of the translation drawn as SVG, which is also its thumbnail.
      // The body names no format (Universal Viewer would offer an SVG as a download); the thumbnail does.
      const body = canvas.items?.[0]?.items?.[0]?.body as { id: string; type: string; format?: string; width: number; height: number };
      expect(body.type).toBe('Image');
      expect(body.format).toBeUndefined();
      expect(canvas.thumbnail?.[0]).toMatchObject({ format: 'image/svg+xml' });
      expect(body.id).toBe(`${config.baseUrl}/iiif/wilson-118686/text/p${i + 1}.svg`);
      expect([body.width, body.height]).toEqual([canvas.width, canvas.height]);
      expect(canvas.thumbnail?.[0]?.id).toBe(body.id);
      expect(canvas.width).toBeGreaterThan(0);
      expect(canvas.height).toBeGreaterThan(0);
    }
    const annotation = canvases[0]?.annotations?.[0]?.items?.[0] as Annotation;
    expect(annotation.motivation).toBe('supplementing');
    expect(annotation.target).toBe(canvases[0]?.id);
    const body = annotation.body as { type: string; language: string; format: string; value: string };
    expect(body).toMatchObject({ type: 'TextualBody', language: 'en', format: 'text/html' });
    // Brackets restored, markup-like text escaped.
    expect(body.value).toContain('On the afternoon of 24 December [1965], I met with');
    expect(body.value).toContain('&amp; reported &lt;what&gt; he said.');
    expect(body.value).toContain('[To the] Ministry of Foreign Affairs');
  });

  it('keeps text that looks like HTML as text, and drops source URLs that are not URIs', () => {
    const cable = { ...jiaoRuoyuCable(), title: '<Untitled>', urls: ['https://example.org/a b', 'ftp://example.org/x', 'https://example.org/doc/1'] };
    const odd = manifestOf(cable);
    // A IIIF client reads a value between "<" and ">" as HTML: escaped in a span, it shows "<Untitled>".
    expect(odd.label).toEqual({ en: ['<span>&lt;Untitled&gt;</span>'] });
    expect(odd.homepage?.map((h) => h.id)).toEqual([`${config.baseUrl}/site/documents/${cable.id}.html`, 'https://example.org/a%20b', 'https://example.org/doc/1']);
  });

  it('falls back to one canvas when the pages are unknown', () => {
    const canvases = manifestOf(conversationCable()).items;
    expect(canvases).toHaveLength(1);
    expect(canvases[0]?.annotations?.[0]?.items).toHaveLength(1);
  });

  it('uses absolute, unique ids under the base URL', () => {
    const json = JSON.stringify(manifest);
    const allIds = [...json.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
    const own = allIds.filter((id) => !id.startsWith('https://wilson-center'));
    for (const id of own) expect(id.startsWith(`${config.baseUrl}/`)).toBe(true);
    const canvasIds = manifest.items.map((c: Canvas) => c.id);
    expect(new Set(canvasIds).size).toBe(canvasIds.length);
  });
});

describe('derived files', () => {
  const inputs: IiifInputs = { config, places: authority, pageImages: new Map() };

  it('are byte-identical when rebuilt from the same cables, whatever their order', () => {
    const first = deriveIiifFiles([jiaoRuoyuCable(), conversationCable()], inputs);
    const second = deriveIiifFiles([conversationCable(), jiaoRuoyuCable()], inputs);
    expect(second.files).toEqual(first.files);
    expect(text(first.files[0]!).startsWith('{\n  "@context"')).toBe(true);
  });

  it('follow a hand-edited title', () => {
    const edited = jiaoRuoyuCable();
    edited.title = 'Cable from Jiao Ruoyu on his call on Kim Il (title corrected by hand)';
    const before = deriveIiifFiles([jiaoRuoyuCable()], inputs).files.find((f) => f.path === 'iiif/wilson-118686/manifest.json');
    const after = deriveIiifFiles([edited], inputs).files.find((f) => f.path === 'iiif/wilson-118686/manifest.json');
    expect((JSON.parse(text(before!)) as Manifest).label).toEqual({ en: [jiaoRuoyuCable().title] });
    expect((JSON.parse(text(after!)) as Manifest).label).toEqual({ en: [edited.title] });
  });

  it('list the manifests as references with label and navDate in every collection', () => {
    const { files, diagnostics } = deriveIiifFiles([jiaoRuoyuCable(), conversationCable()], inputs);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path).sort()).toEqual([
      'iiif/collection.json',
      'iiif/collections/archive-prc-fma.json',
      'iiif/collections/type-cable.json',
      'iiif/collections/type-record-of-conversation.json',
      'iiif/collections/year-1965.json',
      'iiif/record-of-conversation-1965-10-29/manifest.json',
      'iiif/record-of-conversation-1965-10-29/text/p1.svg',
      'iiif/wilson-118686/manifest.json',
      'iiif/wilson-118686/text/p1.svg',
      'iiif/wilson-118686/text/p2.svg',
      'iiif/wilson-118686/text/p3.svg',
      'iiif/wilson-118686/text/p4.svg',
    ]);
    const corpus = JSON.parse(text(files.find((f) => f.path === 'iiif/collection.json')!)) as { items: Record<string, unknown>[] };
    expect(corpus.items.map((i) => i.navDate)).toEqual(['1965-10-29T00:00:00Z', '1965-12-15T00:00:00Z']);
    for (const item of corpus.items) {
      expect(item.type).toBe('Manifest');
      expect(item.label).toBeDefined();
      expect(item).not.toHaveProperty('items');
    }
  });
});
