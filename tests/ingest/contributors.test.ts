import { describe, expect, it } from 'vitest';
import { parseContributors } from '../../src/ingest/fields/index.js';
import { cableOf, ingestFixture } from './helpers.js';

const roles = (text: string) => parseContributors(text).contributors.map(({ ref: _r, ...c }) => c);

describe('contributor phrasings', () => {
  it('Translated by A.', () => {
    expect(roles('Translated by Ann Example.')).toEqual([{ role: 'translator', name: 'Ann Example' }]);
  });
  it('Translated by A and B.', () => {
    expect(roles('Translated by Ann Example and Bo Sample.')).toEqual([
      { role: 'translator', name: 'Ann Example' },
      { role: 'translator', name: 'Bo Sample' },
    ]);
  });
  it('Obtained by X and translated by Y.', () => {
    expect(roles('Obtained by Xu Example and translated by Yan Sample and Zoe Third.')).toEqual([
      { role: 'obtainer', name: 'Xu Example' },
      { role: 'translator', name: 'Yan Sample' },
      { role: 'translator', name: 'Zoe Third' },
    ]);
  });
  it('Translated for NKIDP by A.', () => {
    expect(roles('Translated for NKIDP by Ann Example.')).toEqual([{ role: 'translator', name: 'Ann Example', forOrganisation: 'NKIDP' }]);
  });
  it('Obtained and translated for NKIDP by A.', () => {
    expect(roles('Obtained and translated for NKIDP by Ann Example.')).toEqual([
      { role: 'obtainer', name: 'Ann Example', forOrganisation: 'NKIDP' },
      { role: 'translator', name: 'Ann Example', forOrganisation: 'NKIDP' },
    ]);
  });
  it('Obtained for CWIHP by X and translated by Y.', () => {
    expect(roles('Obtained for CWIHP by Xu Example and translated by Yan Sample.')).toEqual([
      { role: 'obtainer', name: 'Xu Example', forOrganisation: 'CWIHP' },
      { role: 'translator', name: 'Yan Sample' },
    ]);
  });
  it('Contributed by X and translated by Y.', () => {
    expect(roles('Contributed by Xu Example and translated by Yan Sample.')).toEqual([
      { role: 'contributor', name: 'Xu Example' },
      { role: 'translator', name: 'Yan Sample' },
    ]);
  });
  it('Translated from German by A.', () => {
    expect(roles('Translated from German by Ann Example.')).toEqual([{ role: 'translator', name: 'Ann Example', fromLanguage: 'German' }]);
  });
  it('none at all', () => {
    expect(parseContributors('')).toEqual({ contributors: [], unread: [] });
  });
  it('a sentence that does not read is returned, not dropped', () => {
    expect(parseContributors('Translated by.').unread).toEqual(['Translated by.']);
    expect(parseContributors('With thanks to Ann. Translated by Bo Sample.')).toMatchObject({ unread: ['With thanks to Ann.'], contributors: [{ name: 'Bo Sample' }] });
  });
});

describe('contributors on pages', () => {
  it('obtained by + two translators (fixture)', () => {
    const c = cableOf(ingestFixture('contributors-translated-by-two.txt'));
    expect(c.contributors.map((x) => [x.role, x.name])).toEqual([
      ['translator', 'Ruth Example'],
      ['translator', 'David Sample'],
    ]);
  });
  it('translated for NKIDP (fixture)', () => {
    const c = cableOf(ingestFixture('contributors-translated-for.txt'));
    expect(c.contributors).toMatchObject([{ role: 'translator', name: 'Min-ji Example', forOrganisation: 'NKIDP' }]);
  });
  it('translated from German (fixture)', () => {
    const c = cableOf(ingestFixture('contributors-from-german.txt'));
    expect(c.contributors).toMatchObject([{ role: 'translator', name: 'Paul Sample', fromLanguage: 'German' }]);
  });
  it('none (fixture)', () => {
    expect(cableOf(ingestFixture('contributors-none.txt')).contributors).toEqual([]);
  });
  it('obtained and translated for NKIDP (fixture)', () => {
    const c = cableOf(ingestFixture('record-export-nkidp.txt'));
    expect(c.contributors.map((x) => [x.role, x.name, x.forOrganisation])).toEqual([
      ['obtainer', 'Mira Petrova', 'NKIDP'],
      ['translator', 'Mira Petrova', 'NKIDP'],
    ]);
    // One person, one entity.
    expect(new Set(c.contributors.map((x) => x.ref)).size).toBe(1);
  });
  it('obtained for CWIHP (fixture) and contributed by (fixture)', () => {
    expect(cableOf(ingestFixture('old-site-full.txt')).contributors.map((x) => [x.role, x.name, x.forOrganisation])).toEqual([
      ['obtainer', 'Sergei Ivanov', 'CWIHP'],
      ['translator', 'Gary Example', undefined],
    ]);
    expect(cableOf(ingestFixture('record-export-two-hosts.txt')).contributors.map((x) => [x.role, x.name])).toEqual([
      ['contributor', 'Hana Example'],
      ['translator', 'Tomas Sample'],
    ]);
  });
  it('the same name with and without diacritics is one person entity with an alias', () => {
    const c = cableOf(ingestFixture('old-site-glued-summary.txt'));
    expect(c.contributors.map((x) => x.name)).toEqual(['Balázs Example', 'Balazs Example']);
    const [a, b] = c.contributors;
    expect(a!.ref).toBeDefined();
    expect(a!.ref).toBe(b!.ref);
    const e = c.entities.find((x) => x.id === a!.ref);
    expect(e).toMatchObject({ kind: 'person', name: 'Balázs Example', aliases: ['Balazs Example'] });
  });
});

describe('organisation after the names', () => {
  it('Translated by A for CWIHP.', () => {
    expect(roles('Translated by Ann Example for CWIHP.')).toEqual([{ role: 'translator', name: 'Ann Example', forOrganisation: 'CWIHP' }]);
  });
});
