import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockReadingText, normalizeWhitespace } from '../../../src/model/reading-text.js';
import { bodyFixtures, PAGES, parseFixturePage, SEEDS } from './body-fixture.js';

const pages = [
  ...bodyFixtures().map((f) => join(PAGES, f)),
  ...readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(SEEDS, f)),
];

describe('the body keeps every character of the source (reading-text invariant)', () => {
  it('covers the seeds and a fixture per pattern', () => {
    expect(pages.filter((p) => p.startsWith(SEEDS)).length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeGreaterThanOrEqual(16);
  });

  it.each(pages)('%s', (path) => {
    const { blocks, body } = parseFixturePage(path);
    expect(body.length).toBeGreaterThan(0);
    const rebuilt = normalizeWhitespace(blocks.map(blockReadingText).join('\n'));
    const source = normalizeWhitespace(body.map((l) => l.text).join('\n'));
    expect(rebuilt).toBe(source);
  });
});
