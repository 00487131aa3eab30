import { describe, expect, it } from 'vitest';
import { documentId, idSlug, settleIds, WEAK_ID_REASON } from '../../src/ingest/assemble/index.js';
import { documentIdFromUrl } from '../../src/ingest/fields/index.js';
import { parseArchiveReference } from '../../src/ingest/fields/index.js';
import { cableOf, fixtureNames, ingestFixture } from './helpers.js';
import { ingestText } from '../../src/ingest/index.js';

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
    expect(documentId({ ...none, title: 'Über den Vertrag', catalogueDate: { verbatim: '1955', when: '1955', origin: 'catalogue' } }, '0123456789ab')).toEqual({ id: 'uber-den-vertrag-1955-01234567', idSource: 'slug', idInferred: WEAK_ID_REASON });
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
    expect(cableOf(ingestFixture('flat-mirror-mirror.txt'))).toMatchObject({ idSource: 'slug', idInferred: WEAK_ID_REASON });
    expect(cableOf(ingestFixture('flat-mirror-mirror.txt')).id).toMatch(/^report-on-the-fishing-agreement-1958-08-14-[0-9a-f]{8}$/);
  });
  it('pages whose titles and file-level references collide get distinct ids, the same in either order', () => {
    const page = (body: string): string => `A summary.\nAugust 14, 1958\nReport on the Fishing Agreement\n${body}\nRights\nReuse welcome.\n`;
    const a = cableOf(ingestText(page('The delegation arrived on 12 August.'), 'a.txt'));
    const b = cableOf(ingestText(page('The delegation left on 20 August.'), 'b.txt'));
    expect(a.id).not.toBe(b.id);
    const ref = parseArchiveReference('CWIHP Archives, Collection 5');
    const fa = documentId({ ...none, archiveReferences: [ref], title: 'T' }, 'aaaaaaaa11');
    const fb = documentId({ ...none, archiveReferences: [ref], title: 'T' }, 'bbbbbbbb22');
    expect(fa.id).not.toBe(fb.id);
    const claims = [
      { source: 'x.txt', id: 'wilson-1', textSha256: 'aaaaaaaaaaaa' },
      { source: 'y.txt', id: 'wilson-1', textSha256: 'bbbbbbbbbbbb' },
      { source: 'z.txt', id: 'wilson-1', textSha256: 'aaaaaaaaaaaa' },
    ];
    const one = settleIds(claims);
    const two = settleIds([...claims].reverse());
    expect([...two.settled.entries()].sort()).toEqual([...one.settled.entries()].sort());
    expect(one.settled.get('x.txt')).toMatchObject({ kind: 'keep', id: 'wilson-1-aaaaaaaa' });
    expect(one.settled.get('y.txt')).toMatchObject({ kind: 'keep', id: 'wilson-1-bbbbbbbb' });
    expect(one.settled.get('z.txt')).toEqual({ kind: 'duplicate', of: 'x.txt' });
    expect(one.diagnostics.map((d) => d.code).sort()).toEqual(['ingest/duplicate-page', 'ingest/id-collision', 'ingest/id-collision']);
  });
});
