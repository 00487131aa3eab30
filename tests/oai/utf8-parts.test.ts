import { describe, expect, it } from 'vitest';
import { utf8Parts } from '../../src/oai/index.js';

describe('utf8Parts', () => {
  it('gives the UTF-8 bytes of the joined parts: ASCII, accented, CJK, astral and empty parts', () => {
    const parts = ['<a>', 'Molotov', '', 'Ñunez — «ça»', '毛泽东', '𝔄𝔅 and 😀', '</a>\n'];
    const bytes = utf8Parts(parts);
    expect(bytes.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    expect(bytes.length).toBe(Buffer.byteLength(parts.join(''), 'utf8'));
  });

  it('gives an empty buffer for no parts', () => {
    expect(utf8Parts([]).length).toBe(0);
  });
});
