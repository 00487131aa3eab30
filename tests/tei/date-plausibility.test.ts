import { describe, expect, it } from 'vitest';
import { checkDatePlausibility } from '../../src/tei/validate/rules/date-plausibility.js';

const code = (text: string, iso: string, inferred = false) => checkDatePlausibility(text, iso, inferred)?.code;

describe('a date text against its ISO value', () => {
  it('agrees when the text names the same year, month and day, in any spelling of the month', () => {
    expect(code('24 December 1965', '1965-12-24')).toBeUndefined();
    expect(code('Dec. 24, 1965', '1965-12-24')).toBeUndefined();
    expect(code('24 SEPT 1965', '1965-09-24')).toBeUndefined();
    expect(code('24 September', '1965-09-24')).toBeUndefined();
    expect(code('June 1965', '1965-06')).toBeUndefined();
    expect(code('1 may 1960', '1960-05-01')).toBeUndefined();
  });

  it('finds another month, also when a month is named twice', () => {
    expect(code('March 1965', '1965-05')).toBe('tei/date-text-mismatch');
    expect(code('24 Jan. 1965', '1965-12-24')).toBe('tei/date-text-mismatch');
    expect(code('late November or early December 1965', '1965-12')).toBeUndefined();
    expect(code('late November or early December 1965', '1965-10')).toBe('tei/date-text-mismatch');
  });

  it('reads month names only as whole words', () => {
    // "Marshal", "Mayor", "Decembrist" name no month: nothing to compare.
    expect(code('Marshal Mayor Decembrist 1965', '1965-04')).toBeUndefined();
  });

  it('finds another year, and a day the text does not show', () => {
    expect(code('24 December 1964', '1965-12-24')).toBe('tei/date-text-mismatch');
    expect(code('December 1965', '1965-12-24')).toBe('tei/date-precision');
    expect(code('December 1965', '1965-12-24', true)).toBeUndefined();
    expect(code('25 December 1965', '1965-12-24')).toBe('tei/date-text-mismatch');
  });
});
