import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/index.js';
import { encodeTei } from '../../src/tei/index.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { NameFinder, parseRegisterCsv, shippedRegister } from '../../src/names/index.js';

describe('name registers', () => {
  it('the shipped register parses, every entry has an id and a checked note', () => {
    const r = shippedRegister();
    expect(r.entries.length).toBeGreaterThanOrEqual(150);
    for (const e of r.entries) expect(e.checked.length).toBeGreaterThan(10);
  });

  it("the edition's register wins over cablekit's for the same form", () => {
    const csv = 'key,kind,name,variants,wikidata,checked\nmy-kim,person,Kim,Comrade Kim,Q42,editor checked the minutes\n';
    const { register, problems } = parseRegisterCsv(csv);
    expect(problems).toEqual([]);
    const finder = new NameFinder([register, shippedRegister()]);
    const [hit] = finder.find('Then Kim spoke.');
    expect(hit?.target.kind === 'entry' && hit.target.entry.key).toBe('my-kim');
    expect(new NameFinder([shippedRegister()]).find('Then Kim spoke.')[0]?.target.kind).toBe('ambiguous');
  });

  it('a bad CSV row is reported with its line', () => {
    const { problems } = parseRegisterCsv('key,kind,name,wikidata,checked\nx,person,X,not-a-qid,me\n');
    expect(problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^wikidata id/) });
  });

  it('a titled form followed by more name is not linked ("Vice Premier Kim Il")', () => {
    const hits = new NameFinder([shippedRegister()]).find('Premier Kim Il spoke; Premier Kim Il Sung listened.');
    const linked = hits.filter((h) => h.target.kind === 'entry').map((h) => h.form);
    expect(linked).toEqual(['Kim Il Sung']);
  });

  it("the sample edition's TEI of seed 001 (tei/, written by the build) has Kim Il Sung and Mao Zedong with their Wikidata ids", () => {
    const xml = readFileSync('tei/prc-fma-106-01479-08-85-88.xml', 'utf8');
    const standOff = /<standOff>[\s\S]*<\/standOff>/.exec(xml)?.[0] ?? '';
    for (const [id, name, qid] of [['pers-kim-il-sung', 'Kim Il Sung', 'Q41117'], ['pers-mao-zedong', 'Mao Zedong', 'Q5816']] as const) {
      const entry = new RegExp(`<person xml:id="${id}">[\\s\\S]*?</person>`).exec(standOff)?.[0] ?? '';
      expect(entry).toContain(`<persName>${name}</persName>`);
      expect(entry).toContain(`<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/${qid}</idno>`);
      expect(xml).toContain(`<persName ref="#${id}">${name}</persName>`);
    }
  });

  it('seed 001 marks Mao Zedong and Kim Il Sung with authority ids in the standOff, brackets kept', () => {
    const path = 'sources/001_3473856850622fa9.txt';
    const { cable, diagnostics } = ingestBytes(readFileSync(path), path);
    const xml = encodeTei(cable!, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
    expect(xml).toMatch(/<person xml:id="pers-mao-zedong">\s*<persName>Mao Zedong<\/persName>\s*<idno type="URI" subtype="wikidata">http:\/\/www\.wikidata\.org\/entity\/Q5816<\/idno>/);
    expect(xml).toMatch(/<person xml:id="pers-kim-il-sung">[\s\S]*?<idno type="URI" subtype="gnd">https:\/\/d-nb\.info\/gnd\/118562126<\/idno>/);
    // Both with their Wikidata ids (the done-when clause for seed 001).
    const kim = /<person xml:id="pers-kim-il-sung">[\s\S]*?<\/person>/.exec(xml)?.[0] ?? '';
    expect(kim).toContain('<persName>Kim Il Sung</persName>');
    expect(kim).toContain('<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q41117</idno>');
    expect(xml).toContain('<persName ref="#pers-kim-il-sung">Kim Il Sung</persName>');
    expect(xml).toContain('<persName ref="#pers-mao-zedong">Mao Zedong</persName>');
    expect(xml).toContain('<placeName ref="#place-north-korea"><note type="gloss"');
    expect(diagnostics.some((d) => d.code === 'names/ambiguous-mention' && d.message.startsWith('"Kim"'))).toBe(true);
  });
});
