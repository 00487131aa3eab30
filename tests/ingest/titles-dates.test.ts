import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { isChrome } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/cable.js';
import { decodeTei, encodeTei, validateTei } from '../../src/tei/index.js';
import { officialSchema } from '../support/official-schemas.js';
import { requireProgram } from '../support/programs.js';
import { continuesTitle } from '../../src/ingest/page/title-continuation.js';
import { cableReadingText } from '../../src/model/reading-text.js';
import { cableOf, ingestFixture, withCode } from './helpers.js';

const chromeMessage = (name: string): string => withCode(ingestFixture(name).diagnostics, 'ingest/chrome-dropped')[0]?.message ?? '';

describe('site chrome of search widgets and buttons is never a title', () => {
  it('old site: the widget rows are dropped chrome, listed with their lines; the title is the citation\'s', () => {
    const c = cableOf(ingestFixture('old-site-search-widget.txt'));
    expect(c.title).toBe('Report on the Harvest and the Tractor Deliveries, March 3, 1962');
    expect(c.extraFields).toEqual([]);
    const chrome = chromeMessage('old-site-search-widget.txt');
    expect(chrome).toContain('"ADD SEARCH FILTER CANCEL SEARCH FILTER" (line 3)');
    expect(chrome).toContain('"Clear all filters" (line 7)');
    expect(cableReadingText(c)).not.toMatch(/FILTER/i);
  });

  it('current site: widget rows before the date are chrome, not "Page header" fields', () => {
    const c = cableOf(ingestFixture('current-site-search-widget.txt'));
    expect(c.title).toBe('Note on the Fisheries Talks');
    expect(c.catalogueDate?.when).toBe('1963-06-04');
    expect(c.extraFields).toEqual([]);
    const chrome = chromeMessage('current-site-search-widget.txt');
    for (const row of ['"ADD SEARCH FILTER" (line 3)', '"CANCEL SEARCH FILTER" (line 5)', '"Sort by relevance" (line 7)']) expect(chrome).toContain(row);
  });

  it('the class: rows made only of control words, with a search or filter control among them', () => {
    for (const row of ['ADD SEARCH FILTER', 'Cancel search filter', 'CLEAR ALL FILTERS', 'Apply filters', 'Sort by date', 'Reset search', 'Refine results', 'Advanced search'])
      expect(isChrome(row), row).toBe(true);
    for (const title of ['Search for the Missing Pilots', 'Filter Station at Pyongyang', 'Search', 'Note on the Fisheries Talks', 'All New Results of the Talks', 'Sort of an Agreement'])
      expect(isChrome(title), title).toBe(false);
  });
});

describe('a title that continues on the next line is joined', () => {
  it('old site without header: date, title wrapped before the year, funder line, then summary and citation', () => {
    const r = ingestFixture('old-site-wrapped-title.txt');
    const c = cableOf(r);
    expect(c.title).toBe('Memorandum of Conversation between the Ambassador and the Minister on 9 and 12 July 1956 (Re: Point IV Program)');
    expect(c.catalogueDate?.when).toBe('1956-07-12');
    expect(c.citation).toMatch(/^"Memorandum of Conversation/);
    expect(c.summary).toBe('The ambassador reports two conversations about the Point IV program.');
    expect(c.funders).toEqual(['Example Peace Fund']);
    expect(cableReadingText(c)).toBe('The minister asked whether the program would continue next year.\n\nThe ambassador promised an answer within a month.');
    expect(withCode(r.diagnostics, 'ingest/missing-field')).toEqual([]);
    expect(withCode(r.diagnostics, 'ingest/title-differs')).toEqual([]);
  });

  it('old site: a bare year under "…of 3 and 4 March" ends the title, it is not the catalogue date', () => {
    const c = cableOf(ingestFixture('old-site-wrapped-title-year.txt'));
    expect(c.title).toBe('Record of the Talks with the Trade Delegation of 3 and 4 March 1958');
    expect(c.catalogueDate).toMatchObject({ verbatim: 'March 4, 1958', origin: 'citation' });
  });

  it('current site: a title wrapped after a word that cannot end it', () => {
    const c = cableOf(ingestFixture('current-site-wrapped-title.txt'));
    expect(c.title).toBe('Letter from the Embassy to the Ministry on the Visit of the Agricultural Delegation');
    expect(cableReadingText(c)).toBe('The delegation will arrive on 14 October and stay for ten days.');
  });

  it('the class: breaks before a year, after an open word or before a lower-case word; never a sentence of the text', () => {
    expect(continuesTitle('Talks on 9 and 12 July', '1956 (Re: Point IV Program)')).toBe(true);
    expect(continuesTitle('Talks on 9 and 12 July', '1956')).toBe(true);
    expect(continuesTitle('Report on the Visit of the', 'Delegation')).toBe(true);
    expect(continuesTitle('Report on the Visit', 'of the Delegation')).toBe(true);
    expect(continuesTitle('Report on the Fishing Agreement', 'TOP SECRET')).toBe(false);
    expect(continuesTitle('Report on the Fishing Agreement', 'The delegation arrived on 12 August.')).toBe(false);
    expect(continuesTitle('Report on the Fishing Agreement', '1958')).toBe(false);
    // The citation's quoted title settles it, even across a blank line.
    expect(continuesTitle('Report on the Fishing', 'Agreement', 'Report on the Fishing Agreement', false)).toBe(true);
    expect(continuesTitle('Report on the Visit of the', 'Delegation', 'Report on the Visit of the', true)).toBe(false);
  });
});

/** Encodes the cable, checks the TEI (cablekit's validator, and jing against tei_all) and gives back the decoded cable. */
function throughTei(cable: Cable): { xml: string; decoded: Cable } {
  const xml = encodeTei(cable, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
  expect(validateTei(xml).filter((d) => d.severity === 'error')).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-titles-'));
  try {
    writeFileSync(join(dir, 'doc.xml'), xml);
    const run = spawnSync(requireProgram('jing', 'jing'), [officialSchema('tei_all.rng'), join(dir, 'doc.xml')], { encoding: 'utf8' });
    expect(run.stdout).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const decoded = decodeTei(xml).cable;
  if (!decoded) throw new Error('the TEI did not decode');
  return { xml, decoded };
}

describe('a page without a title line: the title the citation quotes, marked inferred', () => {
  it('current site: date and funder line but no title line; the tail citation gives the title', () => {
    const c = cableOf(ingestFixture('current-site-title-from-citation.txt'));
    expect(c.title).toBe('Report on the Opening of the River Bridge');
    expect(c.titleInferred).toMatch(/^title taken from the citation/);
    const { xml, decoded } = throughTei(c);
    expect(xml).toMatch(/<title type="main" ana="#ck-inf-\d+">Report on the Opening of the River Bridge<\/title>/);
    expect(decoded.titleInferred).toBe(c.titleInferred);
  });

  it('record export: the citation names the page that prints no title line (the class is not one layout)', () => {
    const c = cableOf(ingestFixture('record-export-title-from-citation.txt'));
    expect(c.source.layout).toBe('record-export');
    expect(c.title).toBe('Report on the Grain Shipments');
    expect(c.titleInferred).toMatch(/^title taken from the citation/);
    expect(c.catalogueDate).toMatchObject({ when: '1963-04-02', origin: 'catalogue' });
    expect(throughTei(c).decoded.titleInferred).toBe(c.titleInferred);
  });

  it('old site, full header without a title line, and a title line is never marked', () => {
    expect(cableOf(ingestFixture('old-site-full.txt')).titleInferred).toMatch(/^title taken from the citation/);
    expect(cableOf(ingestFixture('old-site-search-widget.txt')).titleInferred).toMatch(/^title taken from the citation/);
    for (const f of ['old-site-caps-title.txt', 'old-site-wrapped-title.txt', 'current-site-wrapped-title.txt'])
      expect(cableOf(ingestFixture(f)).titleInferred, f).toBeUndefined();
  });
});

describe('a page without a date line: the catalogue date from the citation, marked inferred', () => {
  it('old site: the date between the quoted title and the publisher', () => {
    const c = cableOf(ingestFixture('old-site-citation-date.txt'));
    expect(c.catalogueDate).toMatchObject({ verbatim: 'September 18, 1957', when: '1957-09-18', origin: 'citation' });
    expect(c.catalogueDate?.inferred).toMatch(/^catalogue date taken from the citation/);
    const { xml, decoded } = throughTei(c);
    expect(xml).toMatch(/<date type="citation" when="1957-09-18" ana="#ck-inf-\d+">September 18, 1957<\/date>/);
    expect(decoded.catalogueDate).toEqual(c.catalogueDate);
  });

  it('old site: a citation with no "Digital Archive" publisher still has its date read, not taken for an archive', () => {
    const c = cableOf(ingestFixture('old-site-citation-no-publisher.txt'));
    expect(c.catalogueDate).toMatchObject({ verbatim: '22 May 1960', when: '1960-05-22', origin: 'citation' });
    expect(c.catalogueDate?.inferred).toMatch(/^catalogue date taken from the citation/);
    expect(c.archiveReferences.map((r) => r.verbatim)).toEqual(['CWIHP Archives']);
  });

  it('old site: only the quoted title ends with a date', () => {
    const c = cableOf(ingestFixture('old-site-date-in-title.txt'));
    expect(c.catalogueDate).toMatchObject({ verbatim: '14 February 1961', when: '1961-02-14', origin: 'title' });
    expect(c.catalogueDate?.inferred).toMatch(/^catalogue date taken from the date that ends the title/);
    expect(throughTei(c).decoded.catalogueDate).toEqual(c.catalogueDate);
  });

  it('record export: a page with no date line is dated by its citation too', () => {
    const c = cableOf(ingestFixture('record-export-citation-date.txt'));
    expect(c.source.layout).toBe('record-export');
    expect(c.title).toBe('Note on the Fishing Agreement');
    expect(c.titleInferred).toBeUndefined();
    expect(c.catalogueDate).toMatchObject({ verbatim: 'March 4, 1962', when: '1962-03-04', origin: 'citation' });
    expect(c.catalogueDate?.inferred).toMatch(/^catalogue date taken from the citation/);
    expect(throughTei(c).decoded.catalogueDate).toEqual(c.catalogueDate);
  });

  it('a date line always wins and is not marked', () => {
    for (const f of ['old-site-full.txt', 'old-site-wrapped-title.txt', 'current-site-title-from-citation.txt']) {
      const d = cableOf(ingestFixture(f)).catalogueDate;
      expect(d?.origin, f).toBe('catalogue');
      expect(d?.inferred, f).toBeUndefined();
    }
  });
});
