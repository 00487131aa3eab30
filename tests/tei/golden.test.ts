/**
 * Golden TEI: one folder per case under tests/golden/tei/<case>/ with the page (`input.txt`) and
 * the TEI cablekit writes for it (`expected.xml`). Regenerate with UPDATE_GOLDEN=1 after an
 * intended change, and read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { decodeTei, encodeTei, readEncodingWhen, validateTei } from '../../src/tei/index.js';
import { attr, childElements, textContent } from '../../src/tei/xml/xml-tree.js';
import { descendants, errorsOf, select, teiTree } from './helpers.js';

const GOLDEN_DIR = 'tests/golden/tei';
const GOLDEN_WHEN = '2026-01-01T00:00:00Z';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const cases = readdirSync(GOLDEN_DIR).filter((c) => existsSync(join(GOLDEN_DIR, c, 'input.txt'))).sort();

function expectedOf(name: string): string {
  return readFileSync(join(GOLDEN_DIR, name, 'expected.xml'), 'utf8');
}

describe('TEI goldens', () => {
  it('has cases for both seeds and several fixtures', () => {
    expect(cases).toEqual(expect.arrayContaining(['seed-000', 'seed-001']));
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    describe(name, () => {
      const inputPath = join(GOLDEN_DIR, name, 'input.txt');

      it('encodes the page as expected.xml', () => {
        const { cable } = ingestBytes(readFileSync(inputPath), inputPath);
        expect(cable).toBeDefined();
        const xml = encodeTei(cable!, DEFAULT_CONFIG, { when: GOLDEN_WHEN });
        if (UPDATE) writeFileSync(join(GOLDEN_DIR, name, 'expected.xml'), xml);
        expect(xml).toBe(expectedOf(name));
      });

      it('expected.xml passes validation without errors', () => {
        expect(errorsOf(validateTei(expectedOf(name), `${name}/expected.xml`))).toEqual([]);
      });

      it('encode(decode(expected.xml)) is byte-identical', () => {
        const xml = expectedOf(name);
        const { cable, diagnostics } = decodeTei(xml);
        expect(diagnostics).toEqual([]);
        const when = readEncodingWhen(xml);
        expect(when).toBe(GOLDEN_WHEN);
        expect(encodeTei(cable!, DEFAULT_CONFIG, { when: when! })).toBe(xml);
      });
    });
  }
});

/** Read when a test runs (not when tests are collected), so UPDATE_GOLDEN can create the files first. */
function golden(name: string) {
  const xml = expectedOf(name);
  const tei = teiTree(xml);
  return { xml, tei, body: select(tei, 'text/body/div')[0]! };
}

describe('seed 000 (record export)', () => {

  it('keeps the catalogue date 1965-12-15 in the source description', () => {
    const { tei } = golden('seed-000');
    const dates = select(tei, 'teiHeader/fileDesc/sourceDesc/bibl/date');
    expect(dates.map((d) => [attr(d, 'type'), attr(d, 'when'), textContent(d)])).toContainEqual(['catalogue', '1965-12-15', 'December 15, 1965']);
  });

  it('has the text dates 24 and 25 December 1965 where the text has them', () => {
    const { body } = golden('seed-000');
    const inParagraphs = select(body, 'p').flatMap((p) => descendants(p, 'date')).map((d) => attr(d, 'when'));
    expect(inParagraphs).toContain('1965-12-24');
    const inCloser = select(body, 'closer/dateline').flatMap((d) => descendants(d, 'date'));
    expect(inCloser.map((d) => [attr(d, 'when'), textContent(d)])).toEqual([['1965-12-25', '25 December 1965']]);
  });

  it('reports the disagreement between catalogue and text dates, as a warning', () => {
    const { xml } = golden('seed-000');
    const d = validateTei(xml).filter((x) => x.code === 'tei/catalogue-date-disagreement');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.message).toContain('1965-12-25');
  });

  it('parses the archive reference and keeps it verbatim', () => {
    const { tei } = golden('seed-000');
    expect(textContent(select(tei, 'teiHeader/fileDesc/sourceDesc/bibl/idno').find((i) => attr(i, 'type') === 'archival-citation')!)).toBe(
      'PRC FMA 106-01480-05, 46-49',
    );
    const ms = select(tei, 'teiHeader/fileDesc/sourceDesc/msDesc')[0]!;
    expect(textContent(select(ms, 'msIdentifier/repository')[0]!)).toBe('PRC FMA');
    const locus = select(ms, 'msContents/msItem/locus')[0]!;
    expect([attr(locus, 'from'), attr(locus, 'to')]).toEqual(['46', '49']);
    expect(attr(select(ms, 'msContents/msItem/textLang')[0]!, 'mainLang')).toBe('zh');
  });
});

describe('seed 001 (current site)', () => {

  it('has both signers as two persName in closer/signed', () => {
    const { body } = golden('seed-001');
    const signed = select(body, 'closer/signed');
    expect(signed).toHaveLength(1);
    expect(childElements(signed[0]!, 'persName').map(textContent)).toEqual(['Yang Yong', 'Hao Deqing']);
  });

  it('has the dateline with its time', () => {
    const { body } = golden('seed-001');
    const date = select(body, 'closer/dateline/date')[0]!;
    expect(textContent(date)).toBe('29 October, 5:00 p.m.');
    expect(attr(date, 'when')).toMatch(/^1965-10-29T17:00/);
  });

  it('records "Obtained by Shen Zhihua" as acquisition', () => {
    const { tei } = golden('seed-001');
    const acquisition = select(tei, 'teiHeader/fileDesc/sourceDesc/msDesc/history/acquisition')[0]!;
    expect(textContent(acquisition)).toBe('Obtained by Shen Zhihua');
  });

  it('credits two translators with the MARC relator trl', () => {
    const { tei } = golden('seed-001');
    const translators = select(tei, 'teiHeader/fileDesc/titleStmt/respStmt').filter(
      (r) => attr(select(r, 'resp')[0]!, 'ref') === 'http://id.loc.gov/vocabulary/relators/trl',
    );
    expect(translators.flatMap((r) => select(r, 'persName')).map(textContent)).toEqual(['Jeffrey Wang', 'Charles Kraus']);
  });

  it('classifies the document as "Minutes of Conversation"', () => {
    const { tei, body } = golden('seed-001');
    const target = attr(select(tei, 'teiHeader/profileDesc/textClass/catRef')[0]!, 'target')!;
    const category = descendants(tei, 'category').find((c) => `#${attr(c, 'xml:id')}` === target)!;
    expect(textContent(select(category, 'catDesc')[0]!)).toBe('Minutes of Conversation');
    expect(attr(body, 'subtype')).toBe('minutes-of-conversation');
  });
});
