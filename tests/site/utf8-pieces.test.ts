import { describe, expect, it } from 'vitest';
import { Utf8Pieces } from '../../src/site/utf8-pieces.js';

describe('Utf8Pieces', () => {
  it('gives the UTF-8 bytes of the pieces joined, whatever characters they hold', () => {
    const pieces = ['', 'plain ascii', ' · Łódź ', '', 'Ж€', '𝄞 astral', '\n', 'é'.repeat(3000), 'end'];
    const out = new Utf8Pieces();
    out.push(...pieces.slice(0, 4));
    out.pushAll(pieces.slice(4));
    expect(Buffer.from(out.bytes()).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  it('gives no bytes for no pieces', () => {
    expect(new Utf8Pieces().bytes().length).toBe(0);
  });
});
