import { describe, expect, it } from 'vitest';
import { cableToDcFields, toOaiDc, toQualifiedDc, validateDc } from '../../src/dc/index.js';
import { XMLParser } from 'fast-xml-parser';
import { cable118686, minimalCable, testConfig } from './sample-cables.js';

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, isArray: () => true, textNodeName: '#text' });

/** Values of one element name in a flat DC record, in document order. */
function values(xml: string, root: string, name: string): string[] {
  const doc = parser.parse(xml) as Record<string, Record<string, unknown[]>[]>;
  const items = (doc[root]?.[0]?.[name] ?? []) as (string | { '#text': string })[];
  return items.map((v) => (typeof v === 'object' ? String(v['#text']) : String(v)));
}

describe('crosswalk cable → DC values', () => {
  const f = cableToDcFields(cable118686(), testConfig);

  it('maps the sender to creator and translators to contributor', () => {
    expect(f.creators).toEqual(['Jiao Ruoyu']);
    expect(f.contributors).toEqual(['Charles Kraus']);
  });

  it('keeps the summary, catalogue date, publisher, DCMI type and MIME format', () => {
    expect(f.abstract).toBe(cable118686().summary);
    expect(f.created).toEqual({ value: '1965-12-15', w3cdtf: true });
    expect(f.publisher).toBe(testConfig.publisher);
    expect(f.dcmiType).toBe('Text');
    expect(f.format).toBe('application/tei+xml');
  });

  it('links back to the source page and the edition, and names the IIIF manifest', () => {
    expect(f.identifiers).toEqual([
      'https://edition.example.org/site/documents/doc-118686.html',
      'https://wilson-center-digital-archive.dvincitest.com/document/118686',
      'https://edition.example.org/tei/doc-118686.xml',
    ]);
    expect(f.manifestUrl).toBe('https://edition.example.org/iiif/doc-118686/manifest.json');
  });

  it('takes the archive reference as source, English as language and the original language as relation', () => {
    expect(f.sources).toEqual(['PRC FMA 106-01480-05, 46-49']);
    expect(f.textLanguage).toBe('en');
    expect(f.originalLanguage).toEqual({ label: 'Chinese', code: 'zh' });
  });

  it('takes coverage only from places and dates of the text', () => {
    expect(f.spatial).toEqual([{ name: 'Korea', point: 'east=125.75; north=39.03', uris: [] }]);
    expect(f.temporal).toEqual([{ value: '1965-12-24', w3cdtf: true }]);
  });

  it('invents nothing for a cable that gives nothing', () => {
    const m = cableToDcFields(minimalCable(), testConfig);
    expect(m.title).toBeUndefined();
    expect(m.created).toBeUndefined();
    expect(m.abstract).toBeUndefined();
    expect(m.creators).toEqual([]);
    expect(m.sources).toEqual([]);
    expect(m.spatial).toEqual([]);
    expect(m.temporal).toEqual([]);
    expect(m.identifiers).toEqual(['https://edition.example.org/site/documents/doc-min.html', 'https://edition.example.org/tei/doc-min.xml']);
  });

  it('leaves out publisher and rights URI when the config leaves them empty (no empty elements)', () => {
    const config = { ...testConfig, publisher: ' ', rightsUri: '' };
    const m = cableToDcFields(minimalCable(), config);
    expect(m.publisher).toBeUndefined();
    expect(m.rightsUri).toBeUndefined();
    expect(validateDc(toOaiDc(minimalCable(), config), 'oai_dc')).toEqual([]);
    expect(validateDc(toQualifiedDc(minimalCable(), config), 'qdc')).toEqual([]);
  });

  it('keeps records valid when settings or source URLs are not clean URIs', () => {
    const config = { ...testConfig, rightsUri: 'All rights reserved' };
    const c = { ...minimalCable(), urls: ['https://example.org/a b', 'https://example.org/ok'], translationLanguage: { label: 'English (US)', code: 'en_US' } };
    expect(cableToDcFields(c, config).identifiers).toEqual(['https://edition.example.org/site/documents/doc-min.html', 'https://example.org/ok', 'https://edition.example.org/tei/doc-min.xml']);
    const qdc = toQualifiedDc(c, config);
    expect(qdc).toContain('<dcterms:rights>All rights reserved</dcterms:rights>');
    expect(validateDc(qdc, 'qdc')).toEqual([]);
  });

  it('gives an interval, not a made-up day, for a date known only within bounds', () => {
    const c = { ...minimalCable(), catalogueDate: { verbatim: 'undated [1955]', notBefore: '1955-01-01', notAfter: '1955-12-31', origin: 'title' as const } };
    expect(cableToDcFields(c, testConfig).created).toEqual({ value: '1955-01-01/1955-12-31', w3cdtf: false });
  });
});

describe('oai_dc record', () => {
  const xml = toOaiDc(cable118686(), testConfig);

  it('carries the crosswalk in the 15 elements', () => {
    expect(values(xml, 'oai_dc:dc', 'dc:creator')).toEqual(['Jiao Ruoyu']);
    expect(values(xml, 'oai_dc:dc', 'dc:date')).toEqual(['1965-12-15']);
    expect(values(xml, 'oai_dc:dc', 'dc:type')).toEqual(['Text', 'Cable']);
    expect(values(xml, 'oai_dc:dc', 'dc:source')).toEqual(['PRC FMA 106-01480-05, 46-49']);
    expect(values(xml, 'oai_dc:dc', 'dc:language')).toEqual(['en']);
    expect(values(xml, 'oai_dc:dc', 'dc:relation')).toEqual([
      'Original language: Chinese (zh)',
      'https://edition.example.org/iiif/doc-118686/manifest.json',
    ]);
    expect(values(xml, 'oai_dc:dc', 'dc:rights')).toEqual([testConfig.rightsUri]);
    expect(values(xml, 'oai_dc:dc', 'dc:coverage')).toEqual(['Korea', '1965-12-24']);
  });

  it('is valid against the project schema', () => {
    expect(validateDc(xml, 'oai_dc')).toEqual([]);
  });

  it('escapes markup characters and drops characters XML cannot carry', () => {
    const c = { ...minimalCable(), title: 'A & B <c> "d"\u0001' };
    const out = toOaiDc(c, testConfig);
    expect(out).toContain('<dc:title xml:lang="en">A &amp; B &lt;c&gt; "d"</dc:title>');
    expect(validateDc(out, 'oai_dc')).toEqual([]);
  });

  it('has no empty elements', () => {
    expect(toOaiDc(minimalCable(), testConfig)).not.toMatch(/<dc:\w+[^>]*>\s*<\//);
  });
});

describe('qualified DC record', () => {
  const xml = toQualifiedDc(cable118686(), testConfig);

  it('names encoding schemes with xsi:type', () => {
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1965-12-15</dcterms:created>');
    expect(xml).toContain('<dcterms:type xsi:type="dcterms:DCMIType">Text</dcterms:type>');
    expect(xml).toContain('<dcterms:language xsi:type="dcterms:RFC4646">en</dcterms:language>');
    expect(xml).toContain('<dcterms:hasFormat xsi:type="dcterms:URI">https://edition.example.org/iiif/doc-118686/manifest.json</dcterms:hasFormat>');
    expect(xml).toContain(`<dcterms:rights xsi:type="dcterms:URI">${testConfig.rightsUri}</dcterms:rights>`);
    expect(xml).toContain('<dcterms:format xsi:type="dcterms:IMT">application/tei+xml</dcterms:format>');
  });

  it('is valid against the project schema', () => {
    expect(validateDc(xml, 'qdc')).toEqual([]);
    expect(validateDc(toQualifiedDc(minimalCable(), testConfig), 'qdc')).toEqual([]);
  });

  it('is rejected with a position when a scheme value is wrong', () => {
    const bad = xml.replace('>1965-12-15<', '>15 December 1965<');
    const problems = validateDc(bad, 'qdc', 'dc/x.qdc.xml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ code: 'dc/invalid-qdc', severity: 'error', file: 'dc/x.qdc.xml' });
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('rejects an empty element in oai_dc', () => {
    const bad = toOaiDc(cable118686(), testConfig).replace(/<dc:publisher>[^<]*<\/dc:publisher>/, '<dc:publisher></dc:publisher>');
    expect(validateDc(bad, 'oai_dc').map((d) => d.code)).toContain('dc/invalid-oai-dc');
  });

  it('reports malformed XML as a diagnostic', () => {
    expect(validateDc('<oai_dc:dc', 'oai_dc')[0]?.code).toBe('dc/invalid-oai-dc');
  });
});
