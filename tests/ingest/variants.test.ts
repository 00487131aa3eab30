import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { cableReadingText } from '../../src/model/reading-text.js';
import { codes } from './helpers.js';

const tail = ['Document Information', '', 'PRC FMA 1-2-3, 4. Translated by Ann Example.', '', 'Reuse welcome.', ''];

describe('less regular pages', () => {
  it('a header date the strict pattern does not know ("Spring 1960") is still the date line', () => {
    const r = ingestText(['Spring 1960', '', 'A Title', '', 'Text one.', '', 'Text two.', '', 'The summary.', '', ...tail].join('\n'), 'p.txt');
    expect(r.cable?.catalogueDate?.verbatim).toBe('Spring 1960');
    expect(r.cable?.title).toBe('A Title');
    expect(codes(r.diagnostics)).not.toContain('ingest/missing-field');
  });

  it('no date line: the title is the line before the funder line, and the missing date is reported', () => {
    const r = ingestText(['Skip to content', '', 'A Title', '', 'This document was made possible with support from Example Fund', '', 'Text one.', '', 'Text two.', '', 'The summary.', '', ...tail].join('\n'), 'p.txt');
    expect(r.cable?.title).toBe('A Title');
    expect(r.cable?.funders).toEqual(['Example Fund']);
    expect(r.cable?.catalogueDate).toBeUndefined();
    expect(r.diagnostics.find((d) => d.code === 'ingest/missing-field')?.message).toBe('The page gives no date.');
  });

  it('mixed single and double newlines: only the last line before the tail is the summary', () => {
    const r = ingestText(['October 1, 1960', '', 'A Title', '', 'Text one.', '', 'Signer Name', '1 October 1960', 'The summary.', '', ...tail].join('\n'), 'p.txt');
    expect(r.cable?.summary).toBe('The summary.');
    const text = cableReadingText(r.cable!);
    expect(text).toContain('1 October 1960');
    expect(text).not.toContain('The summary.');
  });

  it('an old-site page with a labelled tail keeps it out of the text', () => {
    const page = [
      'Search in', '', 'Digital Archive International History Declassified', '', 'May 2, 1958', '', '• Citation', '', 'get citation', '',
      '    A summary.', '', '    "A Title, May 2, 1958," May 2, 1958, History and Public Policy Program Digital Archive, PRC FMA 1-2-3, 4.', '',
      '• share document', '', 'English HTML', '', 'The text.', '', 'Associated Places', '', 'Related Documents', '', 'Record ID', '', '300606', '',
    ].join('\n');
    const r = ingestText(page, 'p.txt');
    expect(r.cable?.source.layout).toBe('old-site');
    expect(cableReadingText(r.cable!)).toBe('The text.');
    expect(r.cable?.recordId).toBe('300606');
    expect(r.cable?.id).toBe('wilson-300606');
  });

  it('NBSP-only lines count as blank between blocks', () => {
    const r = ingestText(['October 1, 1960', '\u00a0', 'A Title', '\u00a0\u00a0 ', 'Text one.', '', 'The summary.', '\u00a0', ...tail].join('\n'), 'p.txt');
    expect(r.cable?.source.layout).toBe('current-site');
    expect(r.cable?.title).toBe('A Title');
    expect(r.cable?.summary).toBe('The summary.');
  });
});

describe('unknown page furniture before the date', () => {
  it('short unknown lines before the date are kept as "Page header" fields, and the date and title still found', () => {
    const page = ['Skip to content', '', 'Home', '', 'Documents › Korea', '', 'October 1, 1960', '', 'A Title', '', 'Text one.', '', 'Text two.', '', 'The summary.', '', ...tail].join('\n');
    const c = ingestText(page, 'p.txt').cable;
    expect(c?.catalogueDate?.verbatim).toBe('October 1, 1960');
    expect(c?.title).toBe('A Title');
    expect(c?.extraFields).toEqual([{ label: 'Page header', value: 'Documents › Korea' }]);
  });
  it('a long first line before the date on a flat mirror is the leading summary, not a header', () => {
    const page = ['A long summary line that describes a related document in some detail and more.', 'October 1, 1960', 'A Title', 'Text.', 'Summary.', 'Document Information', 'Rights', 'Reuse.'].join('\n');
    const c = ingestText(page, 'p.txt').cable;
    expect(c?.source.layout).toBe('flat-mirror');
    expect(c?.title).toBe('A Title');
    expect(c?.extraFields.map((f) => f.label)).toEqual(['Leading summary']);
  });
});

describe('pages that stop right after the header', () => {
  it('a current-site page with only date and title has an empty text, truncated', () => {
    const r = ingestText('Skip to content\n\nOctober 1, 1960\n\nA Title\n', 'p.txt');
    expect(r.cable?.title).toBe('A Title');
    expect(r.cable?.body).toEqual([{ kind: 'gap', text: '', reason: 'truncated' }]);
    expect(codes(r.diagnostics)).toContain('ingest/truncated');
  });
});

describe('document information without a citation', () => {
  it('rights text right after "Document Information" is rights, not a citation', () => {
    const page = ['October 1, 1960', '', 'A Title', '', 'Text.', '', 'Summary.', '', 'Document Information', '', 'The program welcomes reuse of these materials.', '', 'Record ID', '', '301010', ''].join('\n');
    const r = ingestText(page, 'p.txt');
    expect(r.cable?.citation).toBeUndefined();
    expect(r.cable?.rights).toEqual(['The program welcomes reuse of these materials.']);
    expect(r.diagnostics.find((d) => d.code === 'ingest/missing-field')?.message).toBe('The page gives no citation.');
  });
});

describe('a date only in the title', () => {
  it('"undated [1955]" in the title is the catalogue date when the page has no other, with origin title', () => {
    const page = ['Skip to content', '', 'Report on the Festival, undated [1955]', '', 'This document was made possible with support from Example Fund', '', 'Text.', '', 'Summary.', '', ...tail].join('\n');
    const c = ingestText(page.replace('PRC FMA 1-2-3, 4. Translated by Ann Example.', 'PRC FMA 1-2-3, 4.'), 'p.txt').cable;
    expect(c?.title).toBe('Report on the Festival, undated [1955]');
    expect(c?.catalogueDate).toMatchObject({ verbatim: 'undated [1955]', origin: 'title' });
  });
});

describe('upload date forms', () => {
  it.each(['2014-03-26', '2014-03-26T10:00:00', 'March 26, 2014', 'Wednesday, March 26, 2014', '03/26/2014'])('"%s" is read as the upload date', (date) => {
    const page = ['October 1, 1960', '', 'A Title', '', 'Text.', '', 'Summary.', '', 'Document Information', '', 'PRC FMA 1-2-3, 4.', '', 'Original Uploaded Date', '', date, '', 'Memorandum', '', 'Record ID', '', '301111', ''].join('\n');
    const c = ingestText(page, 'p.txt').cable;
    expect(c?.uploadedDate?.verbatim).toBe(date);
    expect(c?.documentType).toBe('Memorandum');
  });
});
