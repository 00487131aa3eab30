import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/blocks.js';
import type { Inline } from '../../src/model/inline.js';
import { blockReadingText, normalizeWhitespace } from '../../src/model/reading-text.js';
import { deriveSite, readSiteAssets } from '../../src/site/index.js';
import { renderBlock } from '../../src/site/render/render-blocks.js';
import { disagreeingDates } from '../../src/site/render/dates-section.js';
import { decodedSeeds, testSettings, textOf } from './site-fixtures.js';

const seeds = decodedSeeds();
const settings = testSettings();
const files = new Map(deriveSite(seeds, settings, readSiteAssets()).map((f) => [f.path, f.content]));
const page = (id: string): string => files.get(`documents/${id}.html`)!;

function kinds(segments: readonly Inline[], out = new Set<string>()): Set<string> {
  for (const s of segments) {
    out.add(s.kind);
    if ('content' in s && Array.isArray(s.content)) kinds(s.content, out);
  }
  return out;
}
function blockKinds(blocks: readonly Block[], out = new Set<string>()): Set<string> {
  for (const b of blocks) {
    if (b.kind === 'document') blockKinds(b.blocks, out);
    const content: Inline[] = [];
    if ('content' in b) content.push(...b.content);
    if (b.kind === 'speech') content.push(...b.speaker);
    if (b.kind === 'closer') b.lines.forEach((l) => content.push(...l.content));
    if (b.kind === 'fields') b.fields.forEach((f) => content.push(...f.value));
    if (b.kind === 'list') b.items.forEach((i) => content.push(...i.content));
    if (b.kind === 'notes') b.notes.forEach((n) => content.push(...n.content));
    kinds(content, out);
  }
  return out;
}

const CLASS_OF: Record<string, string> = {
  supplied: 'ed-supplied',
  gloss: 'ed-gloss',
  sic: 'ed-sic',
  gap: 'ed-gap',
  unclear: 'ed-unclear',
  stamp: 'ed-stamp',
  translatorNote: 'ed-tnote',
  editorial: 'ed-editorial',
};

describe('document pages from the decoded seed TEI', () => {
  it('writes one page per document with its title, catalogue date and language', () => {
    for (const cable of seeds) {
      const html = page(cable.id);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(textOf(html)).toContain(cable.title!);
      expect(textOf(html)).toContain(cable.catalogueDate!.verbatim);
      expect(html).toContain('<div class="text" lang="en">');
    }
  });

  it('shows each block with the translator\'s text exactly, brackets included, in the "as written" view', () => {
    for (const cable of seeds) {
      for (const block of cable.body) {
        expect(normalizeWhitespace(textOf(renderBlock(block).value))).toBe(normalizeWhitespace(blockReadingText(block)));
      }
    }
  });

  it('marks every kind of editorial intervention the seeds have with its own class', () => {
    for (const cable of seeds) {
      const present = [...blockKinds(cable.body)].filter((k) => k in CLASS_OF);
      expect(present.length).toBeGreaterThan(0);
      for (const k of present) expect(page(cable.id)).toContain(`class="ed ${CLASS_OF[k]}`);
    }
  });

  it('keeps the structure: opener with the addressee, paragraphs, closer', () => {
    const html = page('wilson-118686');
    expect(html).toContain('<p class="salute">');
    expect(html).toContain('<div class="closer">');
    expect(html).toMatch(/<div class="opener">|<p class="salute">/);
  });

  it('offers the toggle without JavaScript: a checkbox before the text, and a legend', () => {
    const html = page('wilson-118686');
    const toggle = html.indexOf('<input type="checkbox" id="as-written" class="view-toggle">');
    expect(toggle).toBeGreaterThan(0);
    expect(toggle).toBeLessThan(html.indexOf('<div class="text"'));
    expect(files.get('assets/site.css')).toContain('.view-toggle:checked ~ .text .dl');
  });

  it('shows the disagreement of catalogue and text dates (seed wilson-118686: 15 against 25 December)', () => {
    const cable = seeds.find((c) => c.id === 'wilson-118686')!;
    expect(disagreeingDates(cable).map((d) => d.when)).toEqual(['1965-12-25']);
    expect(page(cable.id)).toContain('differs from the catalogue date');
    expect(page(cable.id)).toContain('class="disagreement"');
  });

  it('gives the provenance and the links to TEI, DC and IIIF', () => {
    expect(seeds.some((c) => c.urls.length > 0 && c.originalLanguage !== undefined)).toBe(true);
    for (const cable of seeds) {
      const html = page(cable.id);
      const text = textOf(html);
      expect(text).toContain(cable.archiveReferences[0]!.verbatim);
      for (const c of cable.contributors) expect(text).toContain(c.name);
      for (const f of cable.funders) expect(text).toContain(f);
      if (cable.originalLanguage) expect(text).toContain(cable.originalLanguage.label);
      expect(html).toContain(`<a rel="license" href="${settings.rightsUri}">`);
      for (const url of cable.urls) expect(html).toContain(`href="${url}"`);
      expect(html).toContain(`href="https://edition.example.org/pub/tei/${cable.id}.xml"`);
      expect(html).toContain(`href="../../iiif/${cable.id}/manifest.json"`);
      expect(html).toContain(`href="../../dc/${cable.id}.oai_dc.xml"`);
      expect(html).toContain(`href="../../dc/${cable.id}.qdc.xml"`);
    }
  });

  it('asks for nothing from another host: every src and stylesheet is relative', () => {
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const m of content.matchAll(/<(?:script|img)[^>]* src="([^"]+)"|<link rel="stylesheet" href="([^"]+)"/g)) {
        expect(m[1] ?? m[2]).not.toMatch(/^[a-z]+:|^\/\//i);
      }
    }
  });

  it('escapes text from the TEI', () => {
    const cable = { ...seeds[0]!, title: '<script>alert(1)</script> & "x"' };
    const one = deriveSite([cable], settings, readSiteAssets()).find((f) => f.path === `documents/${cable.id}.html`)!;
    expect(one.content).not.toContain('<script>alert(1)');
    expect(one.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});
