import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEEDS, ingestSeed } from './helpers.js';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/ingest/', import.meta.url));

/**
 * The whole model and every diagnostic of each seed, checked in. After an intended change,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/ingest` and review the diff.
 */
describe('golden: seeds', () => {
  it.each(SEEDS)('%s', (seed) => {
    const dir = GOLDEN_DIR + seed.replace(/\.txt$/, '') + '/';
    const file = dir + 'expected.json';
    const actual = JSON.stringify(ingestSeed(seed), null, 2) + '\n';
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `missing ${file}; run UPDATE_GOLDEN=1 npx vitest run tests/ingest`).toBe(true);
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
