import { describe, expect, it } from 'vitest';
import { cableReadingText } from '../../src/model/reading-text.js';
import { cableOf, ingestFixture, withCode } from './helpers.js';

describe('flat mirror layout', () => {
  it('one line per block; leading summary of maybe another document; facets dropped as chrome', () => {
    const r = ingestFixture('flat-mirror-mirror.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('flat-mirror');
    expect(c.catalogueDate?.verbatim).toBe('August 14, 1958');
    expect(c.title).toBe('Report on the Fishing Agreement');
    expect(c.summary).toBe('The embassy reports on negotiations over a fishing agreement with provincial authorities.');
    expect(c.extraFields).toContainEqual({
      label: 'Leading summary',
      value: 'A report on the fishing agreement and the visit of the trade delegation to the coastal province.',
    });
    const [w] = withCode(r.diagnostics, 'ingest/summary-may-belong-elsewhere');
    expect(w).toMatchObject({ severity: 'warning', line: 1 });
    expect(c.rights).toEqual(['The program welcomes reuse of these materials for research purposes.']);
    expect(c.citation).toBeUndefined();
    expect(c.contributors).toEqual([]);
    const [chrome] = withCode(r.diagnostics, 'ingest/chrome-dropped');
    for (const label of ['Author(s):', 'Associated Places', 'Related Documents', 'Original Archive']) expect(chrome?.message).toContain(label);
    // Heading lines the current site drops are kept in the text.
    const text = cableReadingText(c);
    for (const kept of ['TOP SECRET', 'JOURNAL', 'Wonsan', 'Chargé d\'affaires K. Novak']) expect(text).toContain(kept);
    expect(text).not.toContain('negotiations over a fishing agreement');
  });

  it('a cut-off flat mirror', () => {
    const r = ingestFixture('flat-mirror-cut-off.txt');
    const c = cableOf(r);
    expect(c.source.layout).toBe('flat-mirror');
    expect(c.catalogueDate?.verbatim).toBe('1955');
    expect(c.title).toBe('Notes on the Agricultural Cooperative Meeting');
    expect(c.body[c.body.length - 1]).toEqual({ kind: 'gap', text: '', reason: 'truncated' });
    expect(withCode(r.diagnostics, 'ingest/truncated')).toHaveLength(1);
    expect(cableReadingText(c)).toContain('Strictly secret');
  });
});
