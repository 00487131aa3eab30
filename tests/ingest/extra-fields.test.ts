import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { codes } from './helpers.js';

describe('labelled fields without a dedicated slot are kept as extra fields', () => {
  it('an unknown bold label of a record export', () => {
    const page = [
      '**June 1, 1970**', '', '**A Title**', '', '**Citation:**', '', '"A Title", June 1, 1970, Wilson Center Digital Archive, PRC FMA 1-2-3, 4.', '',
      '**Subjects:**', '', 'Trade', '', '**Contents:**', '', 'Translation - English', '', '[...]', '', 'Text.', '', '[...]', '',
    ].join('\n');
    const c = ingestText(page, 'p.txt').cable;
    expect(c?.extraFields).toEqual([{ label: 'Subjects', value: 'Trade' }]);
  });

  it('facet headings with values on a flat mirror; empty ones dropped as chrome', () => {
    const page = [
      'June 1, 1970', 'A Title', 'Text of the page.', 'The summary.', 'Associated Places', 'Example City', 'Example Town', 'Associated Topics',
      'Document Information', 'Rights', 'Reuse welcome.',
    ].join('\n');
    const r = ingestText(page, 'p.txt');
    expect(r.cable?.source.layout).toBe('flat-mirror');
    expect(r.cable?.extraFields).toEqual([
      { label: 'Associated Places', value: 'Example City' },
      { label: 'Associated Places', value: 'Example Town' },
    ]);
    expect(r.cable?.summary).toBe('The summary.');
    expect(r.cable?.rights).toEqual(['Reuse welcome.']);
    expect(r.diagnostics.find((d) => d.code === 'ingest/chrome-dropped')?.message).toContain('"Associated Topics" (line 8)');
    expect(codes(r.diagnostics)).not.toContain('ingest/empty-field');
  });

  it('source paths are kept with "/" separators', () => {
    const r = ingestText('June 1, 1970\n\nA Title\n\nText.\n', 'sources\\sub\\p.txt');
    expect(r.cable?.source.path).toBe('sources/sub/p.txt');
  });
});
