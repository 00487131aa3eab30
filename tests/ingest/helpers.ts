import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Cable } from '../../src/model/cable.js';
import { ingestBytes, type IngestResult } from '../../src/ingest/index.js';

export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
export const SOURCES_DIR = fileURLToPath(new URL('../../sources/', import.meta.url));
export const SEEDS = ['000_8b1b759c36f2ea61.txt', '001_3473856850622fa9.txt'];

/** Every page fixture (this area's and the body parser's `body-*.txt`). */
export function fixtureNames(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function ingestFixture(name: string): IngestResult {
  return ingestBytes(readFileSync(PAGES_DIR + name), `tests/fixtures/pages/${name}`);
}

export function ingestSeed(name: string): IngestResult {
  return ingestBytes(readFileSync(SOURCES_DIR + name), `sources/${name}`);
}

/** The cable of a page that must ingest; fails the test with the diagnostics otherwise. */
export function cableOf(r: IngestResult): Cable {
  if (!r.cable) throw new Error(`no cable: ${JSON.stringify(r.diagnostics)}`);
  return r.cable;
}

export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}

export function withCode(ds: readonly Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}
