import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, SEEDS_DIR } from './cli-harness.js';

/** What a new user meets first: an empty folder, `init`, help texts, `ingest` without `-v`. */
let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cablekit-first-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string): string => {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
};

describe('a new user in an empty folder', { timeout: 120_000 }, () => {
  it('build without a config is a usage error that says to run cablekit init, and writes nothing', () => {
    const folder = fresh('no-config');
    const result = runCli(['build', '--no-progress'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/config\/none/);
    expect(result.stderr).toMatch(/cablekit init/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('init writes a config the build accepts and an empty sources folder, then refuses to overwrite it', () => {
    const folder = fresh('init');
    const first = runCli(['init'], folder);
    expect(first.status).toBe(0);
    const config = JSON.parse(readFileSync(join(folder, 'cablekit.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config['$comment']).toBeDefined();
    expect(readdirSync(join(folder, 'sources'))).toEqual([]);

    writeFileSync(join(folder, 'cablekit.config.json'), `${JSON.stringify({ ...config, collectionName: 'kept' })}\n`);
    const again = runCli(['init'], folder);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/never overwrites/);
    expect(readFileSync(join(folder, 'cablekit.config.json'), 'utf8')).toContain('"kept"');

    cpSync(join(SEEDS_DIR, '000_8b1b759c36f2ea61.txt'), join(folder, 'sources', '000_8b1b759c36f2ea61.txt'));
    const build = runCli(['build', '--no-progress'], folder);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(folder, 'tei', 'wilson-118686.xml'))).toBe(true);
  });

  it('init into a named folder creates it', () => {
    const result = runCli(['init', 'edition'], dir);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'edition', 'cablekit.config.json'))).toBe(true);
    expect(existsSync(join(dir, 'edition', 'sources'))).toBe(true);
  });
});

describe('help and verbosity tell the truth', { timeout: 120_000 }, () => {
  it('validate --help names every format it checks and every default folder, as docs/cli.md does', () => {
    const help = runCli(['validate', '--help'], dir).stdout.replace(/\s+/g, ' ');
    for (const word of ['TEI', 'Dublin Core', 'IIIF', 'tei/', 'output/iiif/', 'output/dc/']) expect(help).toContain(word);
    const docs = readFileSync(join(import.meta.dirname, '../../docs/cli.md'), 'utf8');
    const row = docs.split('\n').find((line) => line.startsWith('| `cablekit validate')) ?? '';
    for (const word of ['TEI', 'Dublin Core', 'IIIF', 'outputDir/iiif', 'outputDir/dc']) expect(row).toContain(word);
  });

  it('ingest prints info diagnostics only with -v', () => {
    const page = join(SEEDS_DIR, '001_3473856850622fa9.txt'); // a page with info diagnostics
    const quiet = runCli(['ingest', '--no-progress', page], dir);
    const verbose = runCli(['ingest', '--no-progress', '-v', page], dir);
    expect(quiet.status).toBe(0);
    expect(verbose.stderr).toMatch(/ info /);
    expect(quiet.stderr).not.toMatch(/ info /);
  });
});
