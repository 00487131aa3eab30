import { describe, expect, it } from 'vitest';
import { cableOf, codes, ingestFixture, withCode } from './helpers.js';

describe('record export layout', () => {
  it('reads header, labelled blocks and the text between [...] lines', () => {
    const r = ingestFixture('record-export-nkidp.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('record-export');
    expect(c.title).toBe('Letter from the Embassy in Sofia on Trade Talks');
    expect(c.catalogueDate).toMatchObject({ verbatim: 'March 3, 1972', when: '1972-03-03', origin: 'catalogue' });
    expect(c.summary).toBe('The embassy reports on a round of trade talks and the delivery schedule for machine tools.');
    expect(c.originalLanguage).toEqual({ label: 'Russian', code: 'ru' });
    expect(c.translationLanguage).toEqual({ label: 'Translation - English', code: 'en' });
    expect(c.extraFields).toContainEqual({ label: 'Contents', value: 'Original Scan' });
    expect(c.urls).toEqual(['https://digitalarchive.wilsoncenter.org/document/300101']);
    expect(c.citation?.startsWith('"Letter from the Embassy')).toBe(true);
    expect(c.body[0]).toEqual({ kind: 'gap', text: '[...]', reason: 'omitted' });
    expect(c.body[c.body.length - 1]).toEqual({ kind: 'gap', text: '[...]', reason: 'omitted' });
    expect(codes(r.diagnostics)).not.toContain('ingest/truncated');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a cut-off export ingests what it has, warns, and ends with a truncated gap', () => {
    const r = ingestFixture('record-export-cut-off.txt');
    const c = cableOf(r);
    expect(c.title).toBe('Note on a Visit to a Textile Factory');
    expect(c.catalogueDate?.verbatim).toBe('June 1960');
    expect(c.body[c.body.length - 1]).toEqual({ kind: 'gap', text: '', reason: 'truncated' });
    const [t] = withCode(r.diagnostics, 'ingest/truncated');
    expect(t?.severity).toBe('warning');
    expect(t?.line).toBe(23);
  });

  it('a labelled field with no value is reported, not filled in', () => {
    const r = ingestFixture('record-export-cut-off.txt');
    expect(cableOf(r).originalLanguage).toBeUndefined();
    const [d] = withCode(r.diagnostics, 'ingest/empty-field');
    expect(d).toMatchObject({ severity: 'warning', line: 13 });
    expect(d?.message).toContain('Original Language');
  });

  it('a title with "undated [1955]" and two URLs on two hosts', () => {
    const c = cableOf(ingestFixture('record-export-two-hosts.txt'));
    expect(c.title).toBe('Report on the Youth Festival, undated [1955]');
    expect(c.catalogueDate?.verbatim).toBe('1955');
    expect(c.urls).toEqual(['http://digitalarchive.wilsoncenter.org/document/300404', 'https://wilson-center-digital-archive.dvincitest.com/node/300404']);
    expect(c.id).toBe('wilson-300404');
    expect(c.idSource).toBe('url');
    expect(c.originalLanguage).toEqual({ label: 'Czech', code: 'cs' });
  });
});

describe('disagreements between the header and the citation', () => {
  it('a header date that differs from the citation date is reported, the header date kept', () => {
    const r = ingestFixture('record-export-date-differs.txt');
    const c = cableOf(r);
    expect(c.catalogueDate).toMatchObject({ verbatim: 'March 5, 1961', origin: 'catalogue' });
    const [d] = withCode(r.diagnostics, 'ingest/date-disagreement');
    expect(d).toMatchObject({ severity: 'warning', line: 1 });
    expect(d?.message).toContain('"March 5, 1961"');
    expect(d?.message).toContain('"March 4, 1961"');
  });
});
