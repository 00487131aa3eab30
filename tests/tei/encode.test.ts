import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { Block, Cable } from '../../src/model/index.js';
import { decodeTei, encodeTei, validateTei } from '../../src/tei/index.js';
import { attr, textContent } from '../../src/tei/xml/xml-tree.js';
import { sampleCable } from './fixtures/sample-cable.js';
import { descendants, errorsOf, sampleTei, select, teiTree, WHEN } from './helpers.js';

const text = (t: string) => [{ kind: 'text' as const, text: t }];

function withBody(body: Block[], extra: Partial<Cable> = {}): string {
  return encodeTei({ ...sampleCable(), ...extra, body }, DEFAULT_CONFIG, WHEN);
}

describe('encodeTei: header', () => {
  const tei = teiTree(sampleTei());
  const header = select(tei, 'teiHeader')[0]!;

  it('starts with the XML declaration and the TEI namespace, id from the cable', () => {
    const xml = sampleTei();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="sample-1">')).toBe(true);
    expect(xml.endsWith('</TEI>\n')).toBe(true);
  });

  it('puts the rights under the configured licence URI, verbatim', () => {
    const licence = select(header, 'fileDesc/publicationStmt/availability/licence')[0]!;
    expect(attr(licence, 'target')).toBe(DEFAULT_CONFIG.rightsUri);
    expect(select(licence, 'p').map(textContent)).toEqual(['Reuse welcome for research.']);
    const other = encodeTei(sampleCable(), { ...DEFAULT_CONFIG, rightsUri: 'http://rightsstatements.org/vocab/InC/1.0/', publisher: 'P' }, WHEN);
    expect(other).toContain('<licence target="http://rightsstatements.org/vocab/InC/1.0/">');
    expect(other).toContain('<publisher>P</publisher>');
  });

  it('writes the bracket policy into editorialDecl', () => {
    const policy = select(header, 'encodingDesc/editorialDecl/p').map(textContent).join(' ');
    for (const term of ['supplied', 'gloss', 'sic', 'gap', 'unclear', 'stamp', 'add[@hand]', 'translator', '@rend']) expect(policy).toContain(term);
  });

  it('names the tool version and the source checksum in revisionDesc', () => {
    const change = select(header, 'revisionDesc/change')[0]!;
    expect(attr(change, 'when')).toBe(WHEN.when);
    expect(textContent(change)).toMatch(/^Encoded by cablekit \d+\.\d+\.\d+ from sources\/sample\.txt/);
    expect(textContent(change)).toContain('a'.repeat(64));
  });

  it('lists the standOff entities with aliases, authority ids and coordinates', () => {
    const person = select(tei, 'standOff/listPerson/person')[0]!;
    expect(select(person, 'persName').map(textContent)).toEqual(['Kim Il', 'Kim']);
    const idno = select(person, 'idno')[0]!;
    expect([attr(idno, 'type'), attr(idno, 'subtype'), textContent(idno)]).toEqual(['URI', 'wikidata', 'http://www.wikidata.org/entity/Q1']);
    expect(textContent(select(tei, 'standOff/listPlace/place/location/geo')[0]!)).toBe('39.03 125.75');
  });

  it('says so when the sender is unknown (CMIF), and names known parties', () => {
    const xml = encodeTei({ ...sampleCable(), senders: [] }, DEFAULT_CONFIG, WHEN);
    const sent = select(teiTree(xml), 'teiHeader/profileDesc/correspDesc/correspAction')[0]!;
    expect(attr(sent, 'type')).toBe('sent');
    expect(textContent(select(sent, 'persName')[0]!)).toBe('Sender not stated in the source');
    expect(attr(select(sent, 'date')[0]!, 'when')).toBe('1961-03-02');
    const received = select(header, 'profileDesc/correspDesc/correspAction')[1]!;
    expect(attr(select(received, 'orgName')[0]!, 'ref')).toBe('#o-mfa');
  });

  it('reflects meeting fields in settingDesc and participants in particDesc', () => {
    expect(textContent(select(header, 'profileDesc/settingDesc/setting/placeName')[0]!)).toBe('Pyongyang');
    expect(attr(select(header, 'profileDesc/settingDesc/setting/date')[0]!, 'when')).toBe('1961-03-02');
    expect(textContent(select(header, 'profileDesc/particDesc/p/persName/roleName')[0]!)).toBe('Korean side');
  });

  it('records inferences as categories that @ana points to', () => {
    const date = descendants(select(tei, 'text')[0]!, 'date').find((d) => attr(d, 'when') === '1961-03-01')!;
    const category = descendants(header, 'category').find((c) => `#${attr(c, 'xml:id')}` === attr(date, 'ana'))!;
    expect(textContent(select(category, 'catDesc')[0]!)).toBe('year taken from the catalogue date');
  });
});

describe('encodeTei: body', () => {
  it('keeps TEI order valid: a heading after text starts a new part', () => {
    const xml = withBody([
      { kind: 'paragraph', content: text('one') },
      { kind: 'heading', content: text('Second entry') },
      { kind: 'paragraph', content: text('two') },
    ]);
    const div = select(teiTree(xml), 'text/body/div')[0]!;
    expect(select(div, 'div').map((d) => attr(d, 'type'))).toEqual(['part', 'part']);
    expect(errorsOf(validateTei(xml))).toEqual([]);
    expect(decodeTei(xml).cable!.body.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('a signature block before any text is an opener, and reads back as a closer', () => {
    const body: Block[] = [{ kind: 'closer', lines: [{ kind: 'signed', content: text('X') }] }, { kind: 'paragraph', content: text('p') }];
    const xml = withBody(body);
    expect(xml).toContain('<opener>\n          <signed>X</signed>\n        </opener>');
    expect(decodeTei(xml).cable!.body).toEqual(body);
  });

  it('a cut-off page ends with gap[@reason="truncated"] and a warning, not a failure', () => {
    const xml = withBody([{ kind: 'paragraph', content: text('The text stops') }, { kind: 'gap', text: '', reason: 'truncated' }]);
    expect(xml).toContain('<gap reason="truncated"/>');
    const d = validateTei(xml);
    expect(errorsOf(d)).toEqual([]);
    expect(d.map((x) => x.code)).toContain('tei/truncated');
  });

  it('separate documents on the page are nested divs with their own type', () => {
    const div = select(teiTree(sampleTei()), 'text/body/div/div')[0]!;
    expect([attr(div, 'type'), attr(div, 'subtype'), attr(div, 'ana')]).toEqual(['document', 'enclosure', '#ck-doctype-enclosure']);
  });

  it('restores the reading text exactly: brackets from @rend, quote marks and separators from pc', () => {
    const tei = teiTree(sampleTei());
    const p = select(tei, 'text/body/div/p')[0]!;
    expect(attr(p, 'n')).toBe('1.');
    const said = descendants(p, 'said')[0]!;
    expect([attr(said, 'who'), attr(said, 'direct')]).toEqual(['#p-kim', 'true']);
    expect(select(said, 'pc').map(textContent)).toEqual(['“', '”']);
    const supplied = descendants(tei, 'supplied')[0]!;
    expect([attr(supplied, 'reason'), attr(supplied, 'resp'), attr(supplied, 'rend')]).toEqual(['translation', '#ck-resp-2 #ck-resp-3', 'square']);
    expect(textContent(select(tei, 'text/body/div/sp/speaker')[0]!)).toBe('Kim: ');
  });
});

describe('hand edits', () => {
  it('a corrected word, an added name and an extra paragraph reach the model', () => {
    let xml = sampleTei();
    xml = xml.replace('<p>Thank you.</p>', '<p>Thank you, <persName ref="#p-collector">Collector</persName>.</p>');
    xml = xml.replace('<p>An enclosed list.</p>', '<p>An enclosed list.</p>\n          <p>Added by an editor.</p>');
    const { cable, diagnostics } = decodeTei(xml, 'tei/sample-1.xml');
    expect(diagnostics).toEqual([]);
    const speech = cable!.body.find((b) => b.kind === 'speech')!;
    expect(speech.kind === 'speech' && speech.content).toEqual([
      { kind: 'text', text: 'Thank you, ' },
      { kind: 'mention', entityKind: 'person', ref: 'p-collector', content: [{ kind: 'text', text: 'Collector' }] },
      { kind: 'text', text: '.' },
    ]);
    const enclosure = cable!.body.find((b) => b.kind === 'document')!;
    expect(enclosure.kind === 'document' && enclosure.blocks).toHaveLength(2);
    // The edited file still validates; the text change is reported, not refused.
    const d = validateTei(xml);
    expect(errorsOf(d)).toEqual([]);
    expect(d.map((x) => x.code)).toEqual(['tei/reading-text-changed']);
  });

  it('a file saved with a byte order mark and CRLF line ends reads the same', () => {
    const xml = sampleTei();
    const edited = '\uFEFF' + xml.replace(/\n/g, '\r\n');
    expect(decodeTei(edited).cable).toEqual(decodeTei(xml).cable);
    expect(validateTei(edited)).toEqual([]);
  });

  it('unknown markup from an editor is read for its text and reported', () => {
    const xml = sampleTei().replace('<p>Thank you.</p>', '<p>Thank <hi rend="italic">you</hi>.</p>');
    const { cable, diagnostics } = decodeTei(xml);
    expect(diagnostics.map((d) => d.code)).toEqual(['tei/unknown-element']);
    const speech = cable!.body.find((b) => b.kind === 'speech')!;
    expect(speech.kind === 'speech' && speech.content).toEqual([{ kind: 'text', text: 'Thank you.' }]);
  });
});
