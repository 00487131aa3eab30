import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockReadingText } from '../../../src/model/reading-text.js';
import { PAGES, parseFixturePage } from './body-fixture.js';

describe('characters are kept as written', () => {
  const path = join(PAGES, 'body-characters.txt');
  const r = parseFixturePage(path);
  const text = r.blocks.map(blockReadingText).join('\n');

  it('keeps curly quotes, dashes, Nº, diacritics, CJK, typos, doubled words and mojibake', () => {
    for (const s of ['envoy’s', '“message”', '—', '–', 'Nº 7', 'José Martí', 'Łukasz Żak', '中华人民共和国外交部', 'The the', 'recieved', 'K?rea']) {
      expect(text).toContain(s);
    }
  });

  it('treats an NBSP-only line as blank but keeps NBSP indents and NBSP+space pairs', () => {
    const source = readFileSync(path, 'utf8');
    expect(source).toContain('\n\u00a0\n'); // the fixture really has an NBSP-only line
    expect(r.blocks.map(blockReadingText)).toContain('\u00a0 \u00a0The indented line follows an NBSP+space pair.');
    expect(r.blocks.map(blockReadingText)).toContain('\u00a0\u00a0\u00a0Indented with NBSPs.');
    expect(r.blocks.some((b) => blockReadingText(b).trim() === '')).toBe(false);
  });
});
