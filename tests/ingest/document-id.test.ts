import { describe, expect, it } from 'vitest';
import { documentId, idSlug } from '../../src/ingest/assemble/index.js';
import { documentIdFromUrl } from '../../src/ingest/fields/index.js';
import { parseArchiveReference } from '../../src/ingest/fields/index.js';
import { cableOf, fixtureNames, ingestFixture } from './helpers.js';

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const none = { urls: [], archiveReferences: [] };

describe('document id', () => {
  it('from the record id, else a /document/<n> URL, else the archive reference, else title and date', () => {
    expect(documentId({ ...none, recordId: '118686' }, 'ab')).toEqual({ id: 'wilson-118686', idSource: 'record-id' });
    expect(documentId({ ...none, urls: ['http://x.org/node/5', 'https://digitalarchive.wilsoncenter.org/document/118686'] }, 'ab')).toEqual({ id: 'wilson-118686', idSource: 'url' });
    expect(documentId({ ...none, urls: ['https://x.org/document/some-slug'], archiveReferences: [parseArchiveReference('PRC FMA 106-01479-08, 85-88')] }, 'ab')).toEqual({
      id: 'prc-fma-106-01479-08-85-88',
      idSource: 'archive-reference',
    });
    expect(documentId({ ...none, title: 'Über den Vertrag', catalogueDate: { verbatim: '1955', when: '1955', origin: 'catalogue' } }, 'ab')).toEqual({ id: 'uber-den-vertrag-1955', idSource: 'slug' });
    expect(documentId({ ...none, title: '会谈记录' }, 'abcdef0123456789ffff')).toEqual({ id: 'doc-abcdef0123456789', idSource: 'slug' });
  });
  it('an archive name without units does not make an id', () => {
    expect(documentId({ ...none, archiveReferences: [parseArchiveReference('Example National Archive')], title: 'T' }, 'ab').idSource).toBe('slug');
  });
  it('numeric ids only from /document/<n>', () => {
    expect(documentIdFromUrl('https://digitalarchive.wilsoncenter.org/document/118686')).toBe('118686');
    expect(documentIdFromUrl('http://digitalarchive.wilsoncenter.org/document/118686?x=1')).toBe('118686');
    expect(documentIdFromUrl('https://digitalarchive.wilsoncenter.org/node/445566')).toBeUndefined();
    expect(documentIdFromUrl('https://digitalarchive.wilsoncenter.org/document/report-on-x')).toBeUndefined();
  });
  it('slugs are NCNames and safe file names', () => {
    for (const s of ['1965 report', '  ', 'Ödön / Ñandú: "x"', 'a'.repeat(300)]) {
      const slug = idSlug(s);
      if (slug) expect(slug).toMatch(NCNAME);
      expect(slug.length).toBeLessThanOrEqual(84);
    }
  });
  it('every fixture gets a stable, NCName id, the same on every run', () => {
    for (const f of fixtureNames()) {
      const r = ingestFixture(f);
      if (!r.cable) continue;
      expect(r.cable.id, f).toMatch(NCNAME);
      expect(ingestFixture(f).cable?.id).toBe(r.cable.id);
    }
    expect(cableOf(ingestFixture('old-site-caps-title.txt')).idSource).toBe('archive-reference');
    expect(cableOf(ingestFixture('flat-mirror-mirror.txt'))).toMatchObject({ id: 'report-on-the-fishing-agreement-1958-08-14', idSource: 'slug' });
  });
});
