import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';
import { filesUnder } from './package-harness.js';

/**
 * Packaging takes a TEI file as the build validated it only when the build cache says the build
 * checked these very bytes, under the same tool and settings, and found no error; anything else is
 * validated again in full, and an invalid TEI is never packaged (issue 14, "Safe").
 */

const WILSON = join('tei', 'wilson-118686.xml');
const CACHE = join('.cablekit', 'build-cache.sqlite');

function pack(dir: string, out: string, format = 'bagit,ocfl'): ReturnType<typeof runCli> {
  return runCli(['package', '--format', format, '--out', out], dir);
}

describe('TEI validated by the build', { timeout: 180_000 }, () => {
  let dir = '';
  beforeEach(() => {
    assertCliBuilt();
    dir = makeEdition();
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
  });

  it('is not validated again, and gives the same packages, byte for byte, as validating it does', () => {
    const trusted = pack(dir, 'trusted', 'all');
    expect(trusted.status, trusted.stderr).toBe(0);
    expect(trusted.stderr).toMatch(/Packaged 2 documents .*; 0 errors; TEI validated here 0, as the build validated them 2/);
    // Without the cache every TEI file is validated in full.
    renameSync(join(dir, CACHE), join(dir, 'cache-aside'));
    const checked = pack(dir, 'checked', 'all');
    renameSync(join(dir, 'cache-aside'), join(dir, CACHE));
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/TEI validated here 2, as the build validated them 0/);
    const files = filesUnder(join(dir, 'trusted'));
    expect(files.length).toBeGreaterThan(50);
    expect(filesUnder(join(dir, 'checked'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, 'checked', f)).equals(readFileSync(join(dir, 'trusted', f))), f).toBe(true);
  });

  it('a TEI made invalid after the build is validated again and refused, with its file and line; the other is packaged', () => {
    const tei = join(dir, WILSON);
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('<body>', '<body><paragraf>typo</paragraf>'));
    const run = pack(dir, 'out');
    expect(run.status).toBe(1);
    // The validator's finding, with its line (and column when libxml2 gives one), then packaging's refusal.
    expect(run.stderr).toMatch(/^tei\/wilson-118686\.xml:\d+(:\d+)? error tei\/schema .*paragraf/m);
    expect(run.stderr).toMatch(/^tei\/wilson-118686\.xml error package\/not-packaged /m);
    expect(run.stderr).toMatch(/Packaged 1 document .*; 2 errors; TEI validated here 1, as the build validated them 1/);
    expect(readdirSync(join(dir, 'out', 'bagit'))).toEqual(['prc-fma-106-01479-08-85-88']);
  });

  it('a TEI edited validly after the build is validated again, and packaged as it now is', () => {
    const tei = join(dir, WILSON);
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('Kim Il discusses', 'Kim Il (Vice Premier) discusses'));
    const run = pack(dir, 'out');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/TEI validated here 1, as the build validated them 1/);
    expect(readFileSync(join(dir, 'out', 'bagit', 'wilson-118686', 'data', 'tei', 'wilson-118686.xml')).equals(readFileSync(tei))).toBe(true);
  });

  it('settings changed since the build: the build would redo its work, so every TEI is validated again', () => {
    const configFile = join(dir, 'cablekit.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, collectionName: 'Another name' }));
    const run = pack(dir, 'out');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/TEI validated here 2, as the build validated them 0/);
  });
});
