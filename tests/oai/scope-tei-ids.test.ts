import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { idPrefix, scopeTeiIds } from '../../src/oai/index.js';

const teiDir = fileURLToPath(new URL('../../tei/', import.meta.url));
const samples = readdirSync(teiDir)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => ({ id: f.replace(/\.xml$/, ''), xml: readFileSync(join(teiDir, f), 'utf8') }));

const idsOf = (xml: string): string[] => [...xml.matchAll(/\sxml:id="([^"]*)"/g)].map((m) => m[1] as string);
const refsOf = (xml: string): string[] =>
  [...xml.matchAll(/\s(?!xml:id)[\w:.-]+="([^"]*#[^"]*)"/g)].flatMap((m) => (m[1] as string).split(/\s+/)).filter((t) => t.startsWith('#')).map((t) => t.slice(1));

describe('TEI ids scoped per record in the disseminated copy', () => {
  it('the committed sample TEI files share ids (the problem), and do not once scoped', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
    const raw = samples.flatMap((s) => idsOf(s.xml));
    expect(new Set(raw).size).toBeLessThan(raw.length);
    const scoped = samples.flatMap((s) => idsOf(scopeTeiIds(s.xml, s.id)));
    expect(scoped).toHaveLength(raw.length);
    expect(new Set(scoped).size).toBe(scoped.length);
  });

  it('keeps every internal reference pointing at the same element, and changes nothing else', () => {
    for (const { id, xml } of samples) {
      const scoped = scopeTeiIds(xml, id);
      const ids = new Set(idsOf(scoped));
      const before = refsOf(xml).filter((r) => idsOf(xml).includes(r));
      expect(before.length, id).toBeGreaterThan(0);
      const after = refsOf(scoped).filter((r) => ids.has(r));
      expect(after, id).toEqual(before.map((r) => (r === id ? r : idPrefix(id) + r)));
      // The root keeps its id; removing the prefix gives the file back byte for byte.
      expect(idsOf(scoped)[0]).toBe(id);
      expect(xml.includes(idPrefix(id))).toBe(false);
      expect(scoped.split(idPrefix(id)).join('')).toBe(xml);
    }
  });

  it('leaves comments, CDATA, text, external links and unknown fragments alone', () => {
    const xml =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1"><!-- <x xml:id="c" ref="#a"/> --><p xml:id="a" ref="#a #zz http://x.org/#a">' +
      'ref="#a" <![CDATA[<y xml:id="a"/>]]></p><ptr target=\'#a\'/><note corresp="#d1"/></TEI>';
    expect(scopeTeiIds(xml, 'd1')).toBe(
      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1"><!-- <x xml:id="c" ref="#a"/> --><p xml:id="d1.a" ref="#d1.a #zz http://x.org/#a">' +
        'ref="#a" <![CDATA[<y xml:id="a"/>]]></p><ptr target=\'#d1.a\'/><note corresp="#d1"/></TEI>',
    );
    expect(idPrefix('118686')).toBe('_118686.');
    expect(scopeTeiIds('<TEI xml:id="x"/>', 'x')).toBe('<TEI xml:id="x"/>');
  });
});
