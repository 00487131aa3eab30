import { describe, expect, it } from 'vitest';
import { cableOf, codes, ingestFixture, withCode } from './helpers.js';

describe('current site layout', () => {
  it('variant with Source / Rights / Type labels and filled tail fields', () => {
    const r = ingestFixture('current-site-source-rights.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('current-site');
    expect(c.title).toBe('Memorandum on the Harbor Construction Agreement');
    expect(c.catalogueDate?.verbatim).toBe('May 1st, 1960');
    expect(c.summary).toBe('The memorandum summarises progress on a harbor construction agreement and proposes sending more engineers.');
    expect(c.citation).toBe(
      'SAPMO-BArch (Stiftung Archiv der Parteien (Foundation Archives)), DY 30/IV A 2/20/442, 1-5. Contributed by Jonas Weber and translated by Lena Fischer.',
    );
    expect(c.rights).toEqual(['The program welcomes reuse of these materials for research purposes.']);
    expect(c.uploadedDate?.verbatim).toBe('2014-06-02');
    expect(c.uploadedDate?.origin).toBe('uploaded');
    expect(c.documentType).toBe('Memorandum');
    expect(c.recordId).toBe('300202');
    expect(c.id).toBe('wilson-300202');
    expect(c.idSource).toBe('record-id');
    // The funder line and the funder repeated at the end are one funder.
    expect(c.funders).toEqual(['Example Peace Fund']);
    expect(codes(r.diagnostics)).not.toContain('ingest/empty-field');
    expect(codes(r.diagnostics)).not.toContain('ingest/truncated');
  });

  it('the summary after the text is not part of the body', () => {
    const c = cableOf(ingestFixture('current-site-source-rights.txt'));
    expect(JSON.stringify(c.body)).not.toContain('summarises progress');
    expect(JSON.stringify(c.body)).toContain('northern pier');
  });

  it('a page cut off before its tail', () => {
    const r = ingestFixture('current-site-cut-off.txt');
    const c = cableOf(r);
    expect(c.title).toBe('Telegram on the Railway Conference');
    expect(c.catalogueDate?.verbatim).toBe('October 05, 1964');
    expect(c.summary).toBeUndefined();
    expect(c.citation).toBeUndefined();
    expect(c.body[c.body.length - 1]).toEqual({ kind: 'gap', text: '', reason: 'truncated' });
    expect(JSON.stringify(c.body)).toContain('winter months and the');
    expect(withCode(r.diagnostics, 'ingest/truncated')[0]?.severity).toBe('warning');
    expect(withCode(r.diagnostics, 'ingest/missing-field').map((d) => d.message)).toContain('The page gives no citation.');
  });

  it('empty Record ID at the end of the page is reported', () => {
    const r = ingestFixture('contributors-none.txt');
    expect(cableOf(r).recordId).toBeUndefined();
    const [d] = withCode(r.diagnostics, 'ingest/empty-field');
    expect(d?.message).toContain('Record ID');
    expect(d?.line).toBe(25);
  });
});
