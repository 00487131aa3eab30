import { describe, expect, it } from 'vitest';
import { cableReadingText } from '../../src/model/reading-text.js';
import { cableOf, ingestFixture, withCode } from './helpers.js';

describe('old site layout', () => {
  it('full header, no title line: title from the citation, indented summary and citation', () => {
    const r = ingestFixture('old-site-full.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('old-site');
    expect(c.catalogueDate?.verbatim).toBe('November 20, 1956');
    expect(c.title).toBe('Record of a Meeting about Grain Deliveries, November 20, 1956');
    expect(c.summary).toBe('The ambassador describes a meeting about grain deliveries and the exchange of students.');
    expect(c.citation?.startsWith('"Record of a Meeting about Grain Deliveries, November 20, 1956,"')).toBe(true);
    expect(c.urls).toEqual(['http://digitalarchive.wilsoncenter.org/document/300303']);
    expect(c.funders).toEqual(['Korea Foundation', 'Example Peace Fund']);
    const chrome = withCode(r.diagnostics, 'ingest/chrome-dropped')[0]?.message ?? '';
    for (const s of ['Search in', 'Digital Archive International History Declassified', '• Citation', 'get citation', '• share document', 'English HTML'])
      expect(chrome).toContain(`"${s}"`);
    const text = cableReadingText(c);
    expect(text).toContain('Record of a Meeting');
    expect(text).toContain('grain deliveries for the next quarter');
    expect(text).not.toContain('Digital Archive');
  });

  it('variant with no header: date, indented summary and citation, then the text', () => {
    const c = cableOf(ingestFixture('old-site-no-header.txt'));
    expect(c.source.layout).toBe('old-site');
    expect(c.catalogueDate?.verbatim).toBe('April 2, 1957');
    expect(c.summary).toBe('An embassy report on a student exchange programme.');
    expect(c.title).toBe('Report on the Student Exchange, April 2, 1957');
    expect(cableReadingText(c)).toContain('twenty students');
    expect(cableReadingText(c)).not.toContain('student exchange programme');
  });

  it('variant with the title in capitals and CITATION SHARE DOWNLOAD', () => {
    const r = ingestFixture('old-site-caps-title.txt');
    const c = cableOf(r);
    expect(c.title).toBe('MEMORANDUM ON THE BORDER COMMISSION');
    expect(c.catalogueDate?.verbatim).toBe('July 1976');
    expect(withCode(r.diagnostics, 'ingest/chrome-dropped')[0]?.message).toContain('"CITATION SHARE DOWNLOAD" (line 5)');
    expect(cableReadingText(c)).toBe('The commission met three times during the month.');
  });

  it('variant with the summary glued to the citation', () => {
    const c = cableOf(ingestFixture('old-site-glued-summary.txt'));
    expect(c.summary).toBe('A note on preparations for a sports festival.');
    expect(c.citation?.startsWith('"Note on the Sports Festival, February 9, 1961,"')).toBe(true);
    expect(c.title).toBe('Note on the Sports Festival, February 9, 1961');
  });
});
