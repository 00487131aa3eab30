import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { encodeTei, encodeTeiTree } from '../../src/tei/index.js';
import { CONTAINER_ELEMENTS, TEI_NS } from '../../src/tei/vocabulary.js';
import { serializeXml } from './xmlbuilder2-reference.js';
import { writeXml } from '../../src/tei/xml/write-xml.js';
import { el } from '../../src/tei/xml/xml-tree.js';
import { cableArbitrary } from '../support/arbitraries.js';
import { WHEN } from './helpers.js';

describe('TEI serialisation', () => {
  it('the direct writer gives the same bytes as xmlbuilder2', () => {
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        const tree = encodeTeiTree(cable, DEFAULT_CONFIG, WHEN);
        expect(writeXml(tree, TEI_NS, CONTAINER_ELEMENTS)).toBe(serializeXml(tree, TEI_NS, CONTAINER_ELEMENTS));
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same cable gives the same bytes', () => {
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        expect(encodeTei(cable, DEFAULT_CONFIG, WHEN)).toBe(encodeTei(structuredClone(cable), DEFAULT_CONFIG, WHEN));
      }),
      { numRuns: 30 },
    );
  });

  it('indents containers by two spaces and never indents mixed content', () => {
    const tree = el('TEI', [['xml:id', 'x']], [
      el('text', [], [el('body', [], [el('p', [], [el('lb')]), el('p', [], ['a ', el('hi', [], ['b']), ' c'])])]),
    ]);
    const xml = writeXml(tree, TEI_NS, new Set(['TEI', 'text', 'body']));
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}" xml:id="x">\n  <text>\n    <body>\n      <p><lb/></p>\n      <p>a <hi>b</hi> c</p>\n    </body>\n  </text>\n</TEI>\n`,
    );
  });

  it('escapes markup characters and keeps attribute whitespace as references', () => {
    const xml = writeXml(el('TEI', [['n', 'a\tb\nc "&<>']], [el('p', [], ['x & <y> z\r'])]), TEI_NS, new Set(['TEI']));
    expect(xml).toContain('n="a&#9;b&#10;c &quot;&amp;&lt;&gt;"');
    expect(xml).toContain('<p>x &amp; &lt;y&gt; z&#13;</p>');
  });

  it('writes attributes in the order the encoder lists them', () => {
    const xml = encodeTei(
      { ...fc.sample(cableArbitrary, { numRuns: 1, seed: 7 })[0]!, catalogueDate: { verbatim: 'x', when: '1965', notBefore: '1964', origin: 'catalogue', inferred: 'r' } },
      DEFAULT_CONFIG,
      WHEN,
    );
    expect(xml).toMatch(/<date type="catalogue" subtype="unspecified" when="1965" notBefore="1964" ana="#ck-inf-\d+">x<\/date>/);
  });
});
