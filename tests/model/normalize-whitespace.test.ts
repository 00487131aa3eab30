import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWhitespace } from '../../src/model/index.js';

/** The definition the fast form must keep: every whitespace run becomes one space, ends trimmed. */
const byDefinition = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('normalizeWhitespace', () => {
  it('collapses runs of any whitespace (NBSP, tabs, line ends, Unicode spaces) to one space', () => {
    expect(normalizeWhitespace(' a \u00a0b\t\tc\r\n d\u2028e\u3000 f ')).toBe('a b c d e f');
    expect(normalizeWhitespace('one space stays')).toBe('one space stays');
    expect(normalizeWhitespace('\n\t ')).toBe('');
  });

  it('gives the same result as replacing every /\\s+/ run, for any text', () => {
    const pieces = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', 'a', 'Ж', '.', '\u200b');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normalizeWhitespace(text)).toBe(byDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });
});
