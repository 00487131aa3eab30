import { describe, expect, it } from 'vitest';
import { isChrome } from '../../src/ingest/index.js';
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
