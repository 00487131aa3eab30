import { describe, expect, it } from 'vitest';
import { parseFunders, parseLanguage } from '../../src/ingest/fields/index.js';
import { cableOf, ingestFixture } from './helpers.js';

describe('funders', () => {
  it('a single funder without article or period', () => {
    expect(parseFunders('MacArthur Foundation')).toEqual(['MacArthur Foundation']);
  });
  it('a list, keeping the comma inside "Syngman Rhee Institute, Yonsei University"', () => {
    expect(parseFunders('Korea Foundation, Syngman Rhee Institute, Yonsei University, and The Example Trust.')).toEqual([
      'Korea Foundation',
      'Syngman Rhee Institute, Yonsei University',
      'The Example Trust',
    ]);
  });
  it('an institute of another university is kept whole by its shape', () => {
    expect(parseFunders('Asia Research Institute, Example University, Peace Fund')).toEqual(['Asia Research Institute, Example University', 'Peace Fund']);
  });
  it('on pages: "support from the X, Y", names starting with "The", none at all', () => {
    expect(cableOf(ingestFixture('record-export-nkidp.txt')).funders).toEqual(['Korea Foundation', 'Syngman Rhee Institute, Yonsei University', 'The Henry Example Foundation']);
    expect(cableOf(ingestFixture('old-site-full.txt')).funders).toEqual(['Korea Foundation', 'Example Peace Fund']);
    expect(cableOf(ingestFixture('flat-mirror-mirror.txt')).funders).toEqual([]);
  });
});

describe('languages', () => {
  it('label verbatim, ISO 639 code when it names one known language', () => {
    expect(parseLanguage('Chinese')).toEqual({ label: 'Chinese', code: 'zh' });
    expect(parseLanguage('Translation - English')).toEqual({ label: 'Translation - English', code: 'en' });
    expect(parseLanguage('Serbo-Croatian')).toEqual({ label: 'Serbo-Croatian', code: 'hbs' });
    expect(parseLanguage('Russian, German')).toEqual({ label: 'Russian, German' });
    expect(parseLanguage('Klingon')).toEqual({ label: 'Klingon' });
  });
});

describe('funder line', () => {
  it('a lower-case "the" is the article; a capital "The" starts the name', async () => {
    const { matchFunderLine } = await import('../../src/ingest/index.js');
    expect(matchFunderLine('This document was made possible with support from the Korea Foundation')?.list).toBe('Korea Foundation');
    expect(matchFunderLine('This document was made possible with support from The Example Trust')?.list).toBe('The Example Trust');
    expect(matchFunderLine('This document was made possible with support from theatre funds')?.list).toBe('theatre funds');
    expect(matchFunderLine('Made possible by X')).toBeUndefined();
  });
});

describe('funder repeated at the end of a current-site page', () => {
  it('is one funder, whether or not the repeat carries the article', async () => {
    const { ingestText } = await import('../../src/ingest/index.js');
    const page = [
      'June 1, 1970', '', 'A Title', '', 'This document was made possible with support from the Example Trust, Peace Fund', '', 'Text.', '', 'Summary.', '',
      'Document Information', '', 'PRC FMA 1-2-3, 4.', '', 'Record ID', '', '300909', '', 'the Example Trust, Peace Fund', '',
    ].join('\n');
    const r = ingestText(page, 'p.txt');
    expect(r.cable?.funders).toEqual(['Example Trust', 'Peace Fund']);
    expect(r.diagnostics.find((d) => d.code === 'ingest/chrome-dropped')?.message).toContain('"the Example Trust, Peace Fund" (line 19)');
  });
});
