import { describe, expect, it } from 'vitest';
import { TextPieces } from '../../src/site/text-pieces.js';

describe('TextPieces', () => {
  it('gives the pieces joined in the order they were pushed, whatever characters they hold', () => {
    const pieces = ['', 'plain ascii', ' · Łódź ', '', 'Ж€', '𝄞 astral', '\n', 'é'.repeat(3000), 'end'];
    const out = new TextPieces();
    out.push(...pieces.slice(0, 4));
    for (const p of pieces.slice(4)) out.push(p);
    expect(out.text()).toBe(pieces.join(''));
  });

  it('gives an empty text for no pieces', () => {
    expect(new TextPieces().text()).toBe('');
  });
});
