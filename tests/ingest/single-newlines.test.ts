import { describe, expect, it } from 'vitest';
import { cableReadingText } from '../../src/model/reading-text.js';
import { cableOf, ingestFixture, withCode } from './helpers.js';

describe('blocks separated by single newlines', () => {
  it('current site: tail labels and values on consecutive lines; no title line reported, not guessed', () => {
    const r = ingestFixture('current-site-single-newlines.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('current-site');
    expect(c.title).toBeUndefined();
    expect(withCode(r.diagnostics, 'ingest/missing-field').map((d) => d.message)).toContain('The page gives no title.');
    expect(c.summary).toBe('A report on a reception for a visiting delegation.');
    expect(c.citation).toBe('PRC FMA 109-00006-06, 2-3. Translated by Lee Example.');
    expect(c.rights).toEqual(['The program welcomes reuse of these materials for research purposes.', 'To ask about rights, contact the program.']);
    expect(c.uploadedDate?.verbatim).toBe('February 7, 2018');
    expect(c.documentType).toBe('Cable');
    expect(c.recordId).toBe('300707');
    const text = cableReadingText(c);
    expect(text).toContain('Copy Nº 5');
    expect(text).toContain('24 January, 10:00 p.m.');
    expect(text).not.toContain('A report on a reception');
  });

  it('old site: summary and citation on consecutive indented lines', () => {
    const c = cableOf(ingestFixture('old-site-single-newlines.txt'));
    expect(c.source.layout).toBe('old-site');
    expect(c.summary).toBe('A report on a new factory and on relations with a neighbour.');
    expect(c.title).toBe('Report on a New Factory');
    expect(c.urls).toEqual(['http://digitalarchive.wilsoncenter.org/document/300808']);
    expect(c.funders).toEqual(['Example Trust']);
    const text = cableReadingText(c);
    expect(text.startsWith('CONFIDENTIAL')).toBe(true);
    expect(text.endsWith('The new factory began production in the spring.')).toBe(true);
    expect(text).not.toContain('Digital Archive');
  });

  it('flat mirror with NBSP lines that look blank', () => {
    const c = cableOf(ingestFixture('flat-mirror-nbsp-lines.txt'));
    expect(c.source.layout).toBe('flat-mirror');
    expect(c.title).toBe('Note on a Port Visit');
    expect(c.summary).toBe('A note on a port visit.');
    expect(cableReadingText(c)).toContain('harbour master');
  });
});
