import { describe, expect, it } from 'vitest';
import { parseArchiveReference, parseArchiveReferences, parseCitation } from '../../src/ingest/fields/index.js';
import { cableOf, ingestFixture } from './helpers.js';

describe('archive references', () => {
  it('PRC FMA: file and pages, archive name and country inferred from the table', () => {
    const r = parseArchiveReference('PRC FMA 106-01480-05, 46-49');
    expect(r).toMatchObject({ verbatim: 'PRC FMA 106-01480-05, 46-49', archive: 'PRC FMA', units: [{ type: 'file', value: '106-01480-05' }], pages: { verbatim: '46-49', from: '46', to: '49' } });
    expect(r.country).toBe('CN');
    expect(r.countryInferred).toBeTruthy();
    expect(r.archiveNameInferred).toBeTruthy();
  });
  it('APRF fond/opis/delo/list, case as written', () => {
    const r = parseArchiveReference('APRF, fond 45, opis 1, delo 335, list 3');
    expect(r.archive).toBe('APRF');
    expect(r.units.map((u) => [u.type, u.label, u.value])).toEqual([
      ['fond', 'fond', '45'],
      ['opis', 'opis', '1'],
      ['delo', 'delo', '335'],
      ['list', 'list', '3'],
    ]);
    expect(r.pages).toEqual({ verbatim: '3', from: '3' });
  });
  it('Listy with a range gives the pages', () => {
    expect(parseArchiveReference('RGANI, Fond 5, Opis 30, Delo 113, Listy 40-41').pages).toEqual({ verbatim: '40-41', from: '40', to: '41' });
  });
  it('Hungarian MOL style, number before the label', () => {
    const r = parseArchiveReference('MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/1955');
    expect(r.archive).toBe('MOL');
    expect(r.country).toBe('HU');
    expect(r.units).toContainEqual({ type: 'box', label: 'doboz', value: '4' });
    expect(r.units.map((u) => u.value)).toEqual(['XIX-J-1-j Korea', '4', '5/a', '004076/1955']);
    expect(r.pages).toBeUndefined();
  });
  it('SAPMO-BArch with the full name in nested parentheses', () => {
    const r = parseArchiveReference('SAPMO-BArch (Stiftung Archiv der Parteien (Foundation Archives)), DY 30/IV A 2/20/442, 1-5');
    expect(r.archive).toBe('SAPMO-BArch');
    expect(r.archiveName).toBe('Stiftung Archiv der Parteien (Foundation Archives)');
    expect(r.archiveNameInferred).toBeUndefined();
    expect(r.units.map((u) => u.value)).toEqual(['DY 30/IV A 2/20/442']);
    expect(r.pages).toEqual({ verbatim: '1-5', from: '1', to: '5' });
  });
  it('Romanian AMAE and Yugoslav AJ: full name with the abbreviation in parentheses', () => {
    const amae = parseArchiveReference('Archive of the Romanian Ministry of Foreign Affairs (AMAE), Folder 782/1978, Issue 220');
    expect(amae).toMatchObject({ archive: 'AMAE', archiveName: 'Archive of the Romanian Ministry of Foreign Affairs', country: 'RO' });
    expect(amae.units[0]).toEqual({ type: 'folder', label: 'Folder', value: '782/1978' });
    const aj = parseArchiveReference('Archives of Yugoslavia (AJ), KPR I-1/655');
    expect(aj).toMatchObject({ archive: 'AJ', archiveName: 'Archives of Yugoslavia', units: [{ type: 'other', value: 'KPR I-1/655' }] });
  });
  it('a publication', () => {
    const r = parseArchiveReference('CWIHP Working Paper 22, "Sports and Diplomacy"');
    expect(r.isPublication).toBe(true);
    expect(r.verbatim).toBe('CWIHP Working Paper 22, "Sports and Diplomacy"');
  });
  it('two archives joined by "and" or ";"', () => {
    const and = parseArchiveReferences('RGANI, Fond 5, Opis 28, Delo 410, List 210 and APRF, Fond 45, Opis 1, Delo 335, List 3');
    expect(and.map((r) => r.archive)).toEqual(['RGANI', 'APRF']);
    expect(and.map((r) => r.verbatim)).toEqual(['RGANI, Fond 5, Opis 28, Delo 410, List 210', 'APRF, Fond 45, Opis 1, Delo 335, List 3']);
    const semi = parseArchiveReferences('PRC FMA 109-00003-03, 7-9; APRF, Fond 3, Opis 65, Delo 827, List 5');
    expect(semi.map((r) => r.archive)).toEqual(['PRC FMA', 'APRF']);
  });
  it('"and" inside an archive name does not split it', () => {
    const refs = parseArchiveReferences('Archive of Parties and Mass Organisations (APMO), File 3');
    expect(refs).toHaveLength(1);
    expect(refs[0]!.archive).toBe('APMO');
  });
  it('citation: title, date, publisher, references, contributors, URL', () => {
    const c = parseCitation(
      '"A Title, with a Comma", December 15, 1965, Wilson Center Digital Archive, PRC FMA 106-01480-05, 46-49. Translated by Ann Example.  \n<https://digitalarchive.wilsoncenter.org/document/1>',
    );
    expect(c).toMatchObject({ title: 'A Title, with a Comma', date: 'December 15, 1965', publisher: 'Wilson Center Digital Archive', urls: ['https://digitalarchive.wilsoncenter.org/document/1'] });
    expect(c.archiveReferences.map((r) => r.verbatim)).toEqual(['PRC FMA 106-01480-05, 46-49']);
    expect(c.contributors.map((x) => x.name)).toEqual(['Ann Example']);
  });
  it('each style on a page keeps its verbatim reference', () => {
    const pages: [string, string[]][] = [
      ['archive-two-semicolon.txt', ['PRC FMA', 'APRF']],
      ['old-site-full.txt', ['RGANI', 'APRF']],
      ['record-export-cut-off.txt', ['MOL']],
      ['current-site-source-rights.txt', ['SAPMO-BArch']],
      ['old-site-no-header.txt', ['AMAE']],
      ['old-site-caps-title.txt', ['AJ']],
      ['record-export-nkidp.txt', ['AVPRF']],
    ];
    for (const [file, archives] of pages) {
      const c = cableOf(ingestFixture(file));
      expect(c.archiveReferences.map((r) => r.archive), file).toEqual(archives);
      for (const r of c.archiveReferences) expect(c.citation, file).toContain(r.verbatim);
    }
    const pub = cableOf(ingestFixture('old-site-glued-summary.txt')).archiveReferences;
    expect(pub.map((r) => r.isPublication)).toEqual([true]);
  });
});

describe('archive and first unit in one part', () => {
  it('"AVPRF f. 0102, op. 11, d. 5, ll. 1-5" (abbreviated Russian labels)', () => {
    const r = parseArchiveReference('AVPRF f. 0102, op. 11, d. 5, ll. 1-5');
    expect(r.archive).toBe('AVPRF');
    expect(r.units.map((u) => [u.type, u.label, u.value])).toEqual([
      ['fond', 'f.', '0102'],
      ['opis', 'op.', '11'],
      ['delo', 'd.', '5'],
      ['list', 'll.', '1-5'],
    ]);
    expect(r.pages).toEqual({ verbatim: '1-5', from: '1', to: '5' });
  });
  it('"RGANI Fond 5, Opis 30" without a comma after the archive', () => {
    const r = parseArchiveReference('RGANI Fond 5, Opis 30');
    expect(r.archive).toBe('RGANI');
    expect(r.units[0]).toEqual({ type: 'fond', label: 'Fond', value: '5' });
  });
});
