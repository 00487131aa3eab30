import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { deriveIiifFiles } from '../../src/iiif/index.js';
import { TEXT_PAGE, translationLines, wrapLine } from '../../src/iiif/text-pages.js';
import { EMPTY_PLACE_AUTHORITY } from '../../src/iiif/index.js';
import { normalizeWhitespace } from '../../src/model/reading-text.js';
import { translationHtml } from '../../src/iiif/translation-html.js';
import { seedCables } from './seed-cables.js';
import { testConfig } from './cable-fixtures.js';
import { text } from './output-text.js';

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('text canvases drawn as SVG', () => {
  it('wraps within the page and loses no word', () => {
    const long = 'a'.repeat(150);
    const lines = wrapLine(`word ${long} 中文中文 end`, TEXT_PAGE.columns);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(TEXT_PAGE.columns);
    expect(lines.join(' ').replace(/ /g, '')).toBe(`word${long}中文中文end`);
  });

  it.each(seedCables().map((c) => [c.id, c] as const))('%s: well-formed SVG pages that carry the whole translation, escaped', (_id, cable) => {
    const { files, diagnostics } = deriveIiifFiles([cable], { config: testConfig(), places: EMPTY_PLACE_AUTHORITY, pageImages: new Map() });
    expect(diagnostics).toEqual([]);
    const svgs = files.filter((f) => f.path.endsWith('.svg')).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    expect(svgs.length).toBeGreaterThan(0);
    const drawn: string[] = [];
    for (const file of svgs) {
      const svg = text(file);
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toMatch(/href|<script|@import|url\(/);
      expect(svg).toContain('xml:lang="en"');
      const root = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: { '@_width': string } };
      expect(root.svg['@_width']).toBe(String(TEXT_PAGE.width));
      const body = svg.slice(svg.indexOf('<g '));
      drawn.push(...[...body.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!)));
    }
    const expected = translationLines(cable).map((l) => l.text).filter((t) => t !== '');
    expect(drawn).toEqual(expected);
    // The same words as the translation the manifest carries as text.
    const words = normalizeWhitespace(unescape(translationHtml(cable).replace(/<[^>]+>/g, ' ')));
    expect(normalizeWhitespace(drawn.join(' '))).toBe(words);
  });
});
