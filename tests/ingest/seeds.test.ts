import { describe, expect, it } from 'vitest';
import { cableReadingText } from '../../src/model/reading-text.js';
import { cableOf, ingestSeed, withCode } from './helpers.js';

describe('seed 000 (record export)', () => {
  const r = ingestSeed('000_8b1b759c36f2ea61.txt');
  const c = cableOf(r);

  it('has every page field', () => {
    expect(c.source.layout).toBe('record-export');
    expect(c.title).toBe("Cable from Chinese Ambassador in North Korea Jiao Ruoyu, 'On the Situation of Calling on Vice Premier Kim Il'");
    expect(c.catalogueDate).toMatchObject({ verbatim: 'December 15, 1965', when: '1965-12-15', origin: 'catalogue' });
    expect(c.citation).toContain('PRC FMA 106-01480-05, 46-49. Translated by Charles Kraus.');
    expect(c.archiveReferences).toHaveLength(1);
    expect(c.archiveReferences[0]).toMatchObject({ verbatim: 'PRC FMA 106-01480-05, 46-49', archive: 'PRC FMA', pages: { from: '46', to: '49' } });
    expect(c.contributors).toMatchObject([{ role: 'translator', name: 'Charles Kraus' }]);
    expect(c.urls).toEqual(['https://wilson-center-digital-archive.dvincitest.com/document/118686']);
    expect(c).toMatchObject({ id: 'wilson-118686', idSource: 'url' });
    expect(c.funders).toEqual(['MacArthur Foundation']);
    expect(c.summary).toMatch(/^Kim Il discusses Sino-North Korean relations/);
    expect(c.originalLanguage).toEqual({ label: 'Chinese', code: 'zh' });
    expect(c.translationLanguage).toEqual({ label: 'Translation - English', code: 'en' });
  });

  it('reports the catalogue date against the text dates (24 and 25 December)', () => {
    const [d] = withCode(r.diagnostics, 'ingest/date-disagreement');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('December 15, 1965');
    expect(d?.message).toContain('1965-12-24');
    expect(d?.message).toContain('1965-12-25');
    // Reported, not resolved: the catalogue date stays as written.
    expect(c.catalogueDate?.when).toBe('1965-12-15');
  });
});

describe('seed 001 (current site)', () => {
  const r = ingestSeed('001_3473856850622fa9.txt');
  const c = cableOf(r);

  it('has every page field', () => {
    expect(c.source.layout).toBe('current-site');
    expect(c.title).toBe('Record of Conversation between Kim Il Sung and the Chinese Delegation');
    expect(c.catalogueDate).toMatchObject({ verbatim: 'October 29, 1965', when: '1965-10-29' });
    expect(c.funders).toEqual(['MacArthur Foundation']);
    expect(c.summary).toMatch(/^Premier Kim Il Sung met with members of the Chinese People’s Delegation/);
    expect(c.archiveReferences[0]).toMatchObject({ verbatim: 'PRC FMA 106-01479-08, 85-88', archive: 'PRC FMA', pages: { from: '85', to: '88' } });
    expect(c.contributors.map((x) => [x.role, x.name])).toEqual([
      ['obtainer', 'Shen Zhihua'],
      ['translator', 'Jeffrey Wang'],
      ['translator', 'Charles Kraus'],
    ]);
    expect(c.rights).toHaveLength(2);
    expect(c.rights[1]).toContain('[email\u00a0protected]');
    expect(c.documentType).toBe('Minutes of Conversation');
    expect(c.uploadedDate).toBeUndefined();
    expect(c.recordId).toBeUndefined();
    expect(c).toMatchObject({ id: 'prc-fma-106-01479-08-85-88', idSource: 'archive-reference' });
  });

  it('reports the empty Original Uploaded Date and Record ID', () => {
    const empty = withCode(r.diagnostics, 'ingest/empty-field');
    expect(empty.map((d) => [d.line, d.severity])).toEqual([
      [51, 'warning'],
      [58, 'warning'],
    ]);
    expect(empty[0]!.message).toContain('Original Uploaded Date');
    expect(empty[1]!.message).toContain('Record ID');
  });

  it('the summary after the text and the tail are not in the body', () => {
    const body = cableReadingText(c);
    expect(body).not.toContain('exchanged his views');
    expect(body).not.toContain('Document Information');
    expect(body).toContain('Yang Yong and Hao Deqing');
    expect(body.startsWith('[To] the Ministry of Foreign Affairs')).toBe(true);
  });
});
