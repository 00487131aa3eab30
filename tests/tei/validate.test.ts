import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { encodeTei, validateTei } from '../../src/tei/index.js';
import { projectSchemaVocabulary } from '../../src/tei/validate/project-schema.js';
import { checkVocabulary } from '../../src/tei/validate/schema-vocabulary.js';
import { scanXmlTree } from '../../src/tei/xml/scan-xml.js';
import { cableArbitrary } from '../support/arbitraries.js';
import { errorsOf, lineOf, replaceOnce, sampleTei, WHEN } from './helpers.js';

/** The one diagnostic with `code`, asserting there is exactly one. */
function only(xml: string, code: string) {
  const found = validateTei(xml, 'case.xml').filter((d) => d.code === code);
  expect(found, `expected one ${code}`).toHaveLength(1);
  return found[0]!;
}

describe('validateTei on encoder output', () => {
  it('the sample cable raises no diagnostic', () => {
    expect(validateTei(sampleTei(), 'sample.xml')).toEqual([]);
  });

  it('generated cables give no errors (schema and rules)', () => {
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
        expect(errorsOf(validateTei(xml, 'generated.xml'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the vocabulary pass (precise positions for schema errors)', () => {
  const vocabularyProblems = (xml: string): string[] => {
    const bag = new DiagnosticBag('v.xml');
    const tree = scanXmlTree(xml);
    expect(tree).toBeDefined();
    checkVocabulary(tree!.root, projectSchemaVocabulary(), bag);
    return bag.items.map((d) => `${d.line}: ${d.message}`);
  };

  it('finds nothing in documents the schema accepts: every kind of note, seg and list', () => {
    expect(vocabularyProblems(sampleTei())).toEqual([]);
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        expect(vocabularyProblems(encodeTei(cable, DEFAULT_CONFIG, WHEN))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('white space between and inside elements', () => {
  const schemaErrors = (xml: string) => validateTei(xml, 'case.xml').filter((d) => d.code === 'tei/schema');

  it('indentation, or none, does not change the verdict', () => {
    expect(schemaErrors(sampleTei().replace(/>\n\s*</g, '><'))).toEqual([]);
    expect(schemaErrors(sampleTei().replace(/>\n(\s*)</g, '>\n\t$1$1  <'))).toEqual([]);
  });

  it('an empty element may hold white space', () => {
    const xml = replaceOnce(sampleTei(), '<milestone unit="separator" n="* * *"/>', '<milestone unit="separator" n="* * *">  \n </milestone>');
    expect(schemaErrors(xml)).toEqual([]);
  });

  it('white space alone is not a value where the schema wants a name', () => {
    const xml = replaceOnce(sampleTei(), '>sample-1</idno>', '>  \n  </idno>');
    const errors = schemaErrors(xml);
    expect(errors.length).toBeGreaterThan(0);
    // Reported there, and nowhere else: valid elements elsewhere raise nothing.
    expect(new Set(errors.map((d) => d.line))).toEqual(new Set([lineOf(xml, 'subtype="record-id"')]));
  });
});

describe('the project schema refuses what the profile does not allow', () => {
  const base = sampleTei();
  const cases: [string, string, string, string][] = [
    // [what, text to replace, replacement, text on the line reported]
    ['an element TEI has but the profile does not use', '<head>On a Visit</head>', '<head>On a <hi>Visit</hi></head>', '<head>On a <hi>'],
    ['an unknown @type on text', '<text type="translation"', '<text type="original"', '<text type="original"'],
    ['a date that is not ISO 8601', 'when="1961-03-01"', 'when="1 March 1961"', 'when="1 March 1961"'],
    ['supplied without a reason', '<supplied reason="translation" ', '<supplied ', '<supplied resp='],
    ['a pointer that is not local', '<persName ref="#p-kim">Kim Il</persName> said', '<persName ref="http://example.org/kim">Kim Il</persName> said', 'ref="http://example.org/kim"'],
    ['a bracket delimiter outside the list', 'rend="double-square"', 'rend="curly"', 'rend="curly"'],
    ['a paragraph before the header', '<revisionDesc>', '<p>stray</p><revisionDesc>', '<p>stray</p>'],
    ['a document type slug with a space', 'subtype="cable"', 'subtype="a cable"', 'subtype="a cable"'],
    ['a note type outside the profile', '<note type="translator" place="inline"', '<note type="remark" place="inline"', '<note type="remark"'],
  ];
  for (const [what, from, to, lineText] of cases) {
    it(`rejects ${what}`, () => {
      const xml = replaceOnce(base, from, to);
      const schemaErrors = validateTei(xml, 'case.xml').filter((d) => d.code === 'tei/schema');
      expect(schemaErrors.length).toBeGreaterThan(0);
      expect(schemaErrors[0]!.severity).toBe('error');
      expect(schemaErrors.map((d) => d.line)).toContain(lineOf(xml, lineText));
    });
  }

  it('rejects a TEI element without xml:id', () => {
    const xml = replaceOnce(base, ' xml:id="sample-1"', '');
    const d = validateTei(xml).filter((x) => x.code === 'tei/schema');
    expect(d.map((x) => x.line)).toContain(lineOf(xml, '<TEI '));
  });
});

describe('rule checks, one invalid document each', () => {
  const base = sampleTei();

  it('tei/duplicate-id', () => {
    const xml = replaceOnce(base, '<org xml:id="o-mfa">', '<org xml:id="p-kim">');
    const d = only(xml, 'tei/duplicate-id');
    expect(d.severity).toBe('error');
    expect(d.line).toBe(lineOf(xml, '<org xml:id="p-kim">'));
  });

  it('tei/dangling-pointer', () => {
    const xml = replaceOnce(base, '<sp who="#p-kim">', '<sp who="#p-nobody">');
    const d = only(xml, 'tei/dangling-pointer');
    expect(d.severity).toBe('error');
    expect(d.line).toBe(lineOf(xml, '<sp who="#p-nobody">'));
    expect(d.file).toBe('case.xml');
  });

  it('tei/dangling-pointer for @ana, @resp, @target and @hand too', () => {
    let xml = replaceOnce(base, 'ana="#ck-inf-2"', 'ana="#ck-inf-9"');
    xml = replaceOnce(xml, 'target="#fn1"', 'target="#fn9"');
    xml = replaceOnce(xml, 'hand="#ck-hand"', 'hand="#ck-other-hand"');
    xml = xml.replace('<supplied reason="translation" resp="#ck-resp-2 #ck-resp-3"', '<supplied reason="translation" resp="#ck-resp-2 #ck-resp-7"');
    const lines = validateTei(xml).filter((d) => d.code === 'tei/dangling-pointer').map((d) => d.line);
    expect(lines).toEqual(
      [lineOf(xml, '#ck-resp-7'), lineOf(xml, '#ck-inf-9'), lineOf(xml, '#fn9'), lineOf(xml, '#ck-other-hand')].sort((a, b) => a - b),
    );
  });

  it('tei/date-interval', () => {
    const xml = replaceOnce(base, '<item><date type="meeting" when="1961-03-02">', '<item><date type="meeting" notBefore="1961-03-05" notAfter="1961-03-02">');
    const d = only(xml, 'tei/date-interval');
    expect(d.severity).toBe('error');
    expect(d.line).toBe(lineOf(xml, 'notBefore="1961-03-05"'));
  });

  it('tei/date-text-mismatch (the text names another year)', () => {
    const xml = replaceOnce(base, '<item><date type="meeting" when="1961-03-02">', '<item><date type="meeting" when="1962-03-02">');
    const d = only(xml, 'tei/date-text-mismatch');
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(lineOf(xml, 'when="1962-03-02"'));
  });

  it('tei/date-precision (a day the text does not show)', () => {
    const xml = replaceOnce(base, '<item><date type="meeting" when="1961-03-02">2 March 1961</date>', '<item><date type="meeting" when="1961-03-02">March 1961</date>');
    const d = only(xml, 'tei/date-precision');
    expect(d.line).toBe(lineOf(xml, '>March 1961</date>'));
  });

  it('tei/catalogue-date-disagreement, both dates kept', () => {
    const xml = replaceOnce(base, '<date type="catalogue" when="1961-03-02">March 2, 1961</date>', '<date type="catalogue" when="1961-02-20">February 20, 1961</date>');
    const d = only(xml, 'tei/catalogue-date-disagreement');
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(lineOf(xml, 'type="catalogue"'));
    expect(d.message).toContain('1961-03-02');
  });

  it('a file on one line (indentation removed) gets the same rule results, all on line 1', () => {
    const changed = replaceOnce(base, '<date type="catalogue" when="1961-03-02">March 2, 1961</date>', '<date type="catalogue" when="1961-02-20">February 20, 1961</date>');
    const oneLine = changed.replace(/\n\s*</g, '<');
    const d = validateTei(oneLine);
    expect(d.map((x) => [x.code, x.line])).toEqual([['tei/catalogue-date-disagreement', 1]]);
  });

  it('tei/missing-title', () => {
    const xml = replaceOnce(base, `<title type="main">Cable from the Embassy, 'On a Visit'</title>`, '<title type="main"></title>');
    expect(only(xml, 'tei/missing-title').line).toBe(lineOf(xml, '<title type="main">'));
  });

  it('tei/missing-date', () => {
    const xml = base.replace(/ when="[^"]*"/g, (m) => (m.includes('2026') ? m : ''));
    expect(only(xml, 'tei/missing-date').severity).toBe('warning');
  });

  it('tei/missing-source', () => {
    const xml = replaceOnce(
      base,
      '<idno type="URI">https://example.org/document/100001</idno>\n          <idno type="record">100001</idno>\n          <idno type="archival-citation" xml:id="ck-archref-1">EXA 1-2-3, 4-5</idno>',
      '<idno type="archival-citation" xml:id="ck-archref-1"></idno>',
    );
    expect(only(xml, 'tei/missing-source').line).toBe(lineOf(xml, '<teiHeader>'));
  });

  it('tei/missing-language', () => {
    const xml = replaceOnce(base, '<language ident="zh" xml:id="ck-lang-original">Chinese</language>', '');
    expect(only(xml, 'tei/missing-language').severity).toBe('warning');
  });

  it('tei/missing-rights', () => {
    const xml = replaceOnce(base, '<p>Reuse welcome for research.</p>', '');
    expect(only(xml, 'tei/missing-rights').line).toBe(lineOf(xml, '<licence'));
  });

  it('tei/reading-text-changed after a hand edit of the text', () => {
    const xml = replaceOnce(base, '<p>Thank you.</p>', '<p>Thank you very much.</p>');
    const d = only(xml, 'tei/reading-text-changed');
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(lineOf(xml, 'reading-text-sha256'));
  });

  it('a hand edit of markup only (not text) keeps the reading text', () => {
    const xml = replaceOnce(base, '<p>Thank you.</p>', '<p>Thank <persName ref="#p-kim">you</persName>.</p>');
    expect(validateTei(xml)).toEqual([]);
  });

  it('tei/truncated', () => {
    const xml = replaceOnce(base, '<gap reason="omitted">\n          <desc>[...]</desc>\n        </gap>', '<gap reason="truncated"/>');
    expect(only(xml, 'tei/truncated').line).toBe(lineOf(xml, '<gap reason="truncated"/>'));
  });
});
