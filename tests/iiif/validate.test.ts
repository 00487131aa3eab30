import { describe, expect, it } from 'vitest';
import type { Manifest } from '@iiif/presentation-3';
import { buildManifest, iiifIds, isLanguageTag, validateIiif } from '../../src/iiif/index.js';
import { readPlaceAuthority } from '../../src/pipeline/index.js';
import { jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';

const config = testConfig();
const ids = iiifIds(config.baseUrl);
const { authority } = readPlaceAuthority();

/** A fresh, valid manifest to break one rule at a time (a JSON copy, free to mutate). */
function validManifest(): Record<string, any> {
  const manifest: Manifest = buildManifest(jiaoRuoyuCable(), { config, ids, pageImages: [], places: authority });
  return JSON.parse(JSON.stringify(manifest)) as Record<string, any>;
}

function codes(json: unknown): string[] {
  return [...new Set(validateIiif(json, 'x.json').map((d) => d.code))];
}

describe('validateIiif', () => {
  it('accepts what cablekit writes', () => {
    expect(validateIiif(validManifest())).toEqual([]);
  });

  it('names the file and never throws on non-IIIF input', () => {
    expect(validateIiif({ type: 'Canvas' }, 'a.json')).toEqual([expect.objectContaining({ code: 'iiif/unknown-type', file: 'a.json' })]);
    expect(codes(null)).toEqual(['iiif/unknown-type']);
    expect(codes('text')).toEqual(['iiif/unknown-type']);
  });

  it('reports schema problems with their place', () => {
    const manifest = validManifest();
    manifest.navDate = '1965-12-15';
    const diagnostics = validateIiif(manifest);
    expect(diagnostics.some((d) => d.code === 'iiif/schema' && d.message.startsWith('/navDate'))).toBe(true);
  });

  it('rejects a manifest without canvases (the official schema accepts it)', () => {
    const manifest = validManifest();
    manifest.items = [];
    expect(officialErrors(manifest)).toEqual([]);
    expect(codes(manifest)).toContain('iiif/empty-manifest');
  });

  it('rejects a painting annotation under annotations (the official schema accepts it)', () => {
    const manifest = validManifest();
    manifest.items[0].annotations[0].items[0].motivation = 'painting';
    expect(officialErrors(manifest)).toEqual([]);
    expect(codes(manifest)).toContain('iiif/motivation-placement');
  });

  it('rejects a supplementing annotation in a canvas’s items', () => {
    const manifest = validManifest();
    const page = manifest.items[0].annotations[0];
    manifest.items[0].items = [page];
    delete manifest.items[0].annotations;
    expect(codes(manifest)).toContain('iiif/motivation-placement');
  });

  it('rejects one id used for two types', () => {
    const manifest = validManifest();
    manifest.items[1].id = manifest.items[0].annotations[0].id;
    expect(codes(manifest)).toContain('iiif/id-type-clash');
  });

  it('rejects a canvas defined twice', () => {
    const manifest = validManifest();
    manifest.items[1].id = manifest.items[0].id;
    expect(codes(manifest)).toContain('iiif/duplicate-id');
  });

  it('rejects an annotation on a canvas the manifest does not have', () => {
    const manifest = validManifest();
    manifest.items[0].annotations[0].items[0].target = 'http://127.0.0.1:8080/iiif/other/canvas/p1';
    expect(officialErrors(manifest)).toEqual([]);
    expect(codes(manifest)).toContain('iiif/dangling-target');
    const fragment = validManifest();
    fragment.items[0].annotations[0].items[0].target = `${fragment.items[0].id}#xywh=0,0,10,10`;
    expect(codes(fragment)).toEqual([]);
  });

  it('rejects language keys that are not BCP 47 (the official schema accepts them)', () => {
    const manifest = validManifest();
    manifest.summary = { 'english-': ['A summary'] };
    expect(officialErrors(manifest)).toEqual([]);
    expect(codes(manifest)).toContain('iiif/language-tag');
    const body = validManifest();
    body.items[0].annotations[0].items[0].body.language = 'en_GB';
    expect(codes(body)).toContain('iiif/language-tag');
  });

  it('knows well-formed language tags', () => {
    for (const tag of ['en', 'zh-Hans', 'zh-Hant-TW', 'ko-KR', 'sr-Latn-RS', 'de-CH-1996', 'x-private', 'none']) expect(isLanguageTag(tag)).toBe(true);
    for (const tag of ['', 'en_GB', 'english-', '-en', 'e', 'en--GB', 'toolongtag']) expect(isLanguageTag(tag)).toBe(false);
  });

  it('rejects HTML outside the allowed subset (the official schema accepts it)', () => {
    const scripted = validManifest();
    scripted.summary = { en: ['<p>Summary<script>alert(1)</script></p>'] };
    expect(officialErrors(scripted)).toEqual([]);
    expect(codes(scripted)).toContain('iiif/html-subset');

    const handler = validManifest();
    handler.items[0].annotations[0].items[0].body.value = '<p onclick="steal()">Translation</p>';
    expect(codes(handler)).toContain('iiif/html-subset');

    const styled = validManifest();
    styled.metadata[0].value = { en: ['<span><style>p{}</style>x</span>'] };
    expect(codes(styled)).toContain('iiif/html-subset');

    const link = validManifest();
    link.summary = { en: ['<a href="javascript:alert(1)">x</a>'] };
    expect(codes(link)).toContain('iiif/html-subset');

    const allowed = validManifest();
    allowed.summary = { en: ['<p>A <b>bold</b> <a href="https://example.org/">link</a><br/><img src="https://example.org/a.png" alt="a"/></p>'] };
    expect(codes(allowed)).toEqual([]);
  });

  it('rejects rights URIs that are not http:// Creative Commons or RightsStatements.org', () => {
    for (const rights of ['https://rightsstatements.org/vocab/UND/1.0/', 'http://example.org/licence', 'https://creativecommons.org/licenses/by/4.0/']) {
      const manifest = validManifest();
      manifest.rights = rights;
      expect(codes(manifest)).toContain('iiif/rights-uri');
    }
    const cc = validManifest();
    cc.rights = 'http://creativecommons.org/licenses/by/4.0/';
    expect(codes(cc)).toEqual([]);
  });
});
