import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldToAscii, slugify } from '../../src/text/index.js';
import { idSlug } from '../../src/ingest/assemble/index.js';

const SLUG = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

describe('slugify, the one slug of cablekit', () => {
  it('folds diacritics and letters without a mark, drops apostrophes, joins words with hyphens', () => {
    expect(slugify('PRC FMA')).toBe('prc-fma');
    expect(slugify('Minutes of Conversation')).toBe('minutes-of-conversation');
    expect(slugify('Łukasz Żak')).toBe('lukasz-zak');
    expect(slugify('Straße Ødegård Æsir')).toBe('strasse-odegard-aesir');
    expect(slugify('José Martí')).toBe('jose-marti');
    expect(slugify("Kim's  aide")).toBe('kims-aide');
    expect(slugify('Kim’s aide')).toBe('kims-aide');
    expect(slugify('  --Record / of: "Conversation"-- ')).toBe('record-of-conversation');
    expect(slugify('ﬁle ²')).toBe('file-2');
  });

  it('gives "" for text without a Latin letter or digit, so the caller chooses the stand-in', () => {
    expect(slugify('中文')).toBe('');
    expect(slugify('  ')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('cuts at the last word boundary past half the limit, else at the limit', () => {
    expect(slugify('alpha beta gamma', 12)).toBe('alpha-beta');
    expect(slugify('a'.repeat(30), 10)).toBe('a'.repeat(10));
    expect(slugify('abcdefghij k', 11)).toBe('abcdefghij');
    expect(slugify('short', 80)).toBe('short');
  });

  it('leaves ASCII text to the fast path and folds the rest', () => {
    expect(foldToAscii('plain text')).toBe('plain text');
    expect(foldToAscii('Ödön Łódź')).toBe('Odon Lodz');
  });

  it('always gives a hyphen-separated lower-case slug, idempotent and within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }), (text, max) => {
        const slug = slugify(text, max);
        expect(slug).toMatch(SLUG);
        expect(slugify(slug, max)).toBe(slug);
        if (max !== undefined) expect(slug.length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('document ids start with a letter (an NCName and a safe file name)', () => {
    expect(idSlug('1965 report')).toBe('doc-1965-report');
    expect(idSlug('Report 1965')).toBe('report-1965');
    expect(idSlug('中文')).toBe('');
    expect(idSlug('x'.repeat(200)).length).toBeLessThanOrEqual(80);
  });
});
