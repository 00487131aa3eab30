import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli, snapshotTree } from '../cli/cli-harness.js';
import { requireProgram } from '../support/programs.js';

/** `packages.formats` in the config: every `cablekit build` (the built CLI in dist/) also writes those packages. */

const IDS = ['prc-fma-106-01479-08-85-88', 'wilson-118686'];

function bagVerifies(bag: string): boolean {
  requireProgram('sha512sum', 'coreutils');
  return ['manifest-sha512.txt', 'tagmanifest-sha512.txt'].every((m) => spawnSync('sha512sum', ['--strict', '-c', m], { cwd: bag, stdio: 'ignore' }).status === 0);
}

function heads(ocfl: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (!name.isDirectory()) continue;
      const inventory = join(dir, name.name, 'inventory.json');
      if (existsSync(join(dir, name.name, '0=ocfl_object_1.1'))) {
        const inv = JSON.parse(readFileSync(inventory, 'utf8')) as { id: string; head: string };
        found[inv.id] = inv.head;
      } else visit(join(dir, name.name));
    }
  };
  visit(ocfl);
  return found;
}

describe('cablekit build with packages.formats in the config', { timeout: 180_000 }, () => {
  let dir = '';
  beforeAll(() => {
    assertCliBuilt();
    dir = makeEdition({ packages: { formats: ['bagit', 'ocfl'], outDir: 'deposit' } });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the asked formats, and only those, where packages.outDir says, and says so', () => {
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/Packaged 2 documents into .*deposit: bagit 2 written, 0 unchanged; ocfl 2 written, 0 unchanged; 0 errors/);
    expect(readdirSync(join(dir, 'deposit')).sort()).toEqual(['bagit', 'ocfl']);
    for (const id of IDS) expect(bagVerifies(join(dir, 'deposit', 'bagit', id)), id).toBe(true);
    expect(heads(join(dir, 'deposit', 'ocfl'))).toEqual({ [IDS[0] as string]: 'v1', [IDS[1] as string]: 'v1' });
    expect(existsSync(join(dir, 'packages'))).toBe(false);
  });

  it('an unchanged rebuild leaves every package untouched and adds no OCFL version', () => {
    const before = snapshotTree(join(dir, 'deposit'));
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/bagit 0 written, 2 unchanged; ocfl 0 written, 2 unchanged/);
    expect(snapshotTree(join(dir, 'deposit'))).toEqual(before);
  });

  it('a TEI the build holds back is not packaged (package/not-packaged, exit 1); its earlier bag stays whole, the other document is packaged', () => {
    const tei = join(dir, 'tei', 'wilson-118686.xml');
    const bag = join(dir, 'deposit', 'bagit', 'wilson-118686');
    const bagBefore = snapshotTree(bag);
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('<body>', '<body><paragraf>typo</paragraf>'));
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/^tei\/wilson-118686\.xml error package\/not-packaged /m);
    expect(build.stderr).toMatch(/Packaged 1 document into .*: bagit 0 written, 1 unchanged; ocfl 0 written, 1 unchanged; 1 error/);
    // The build printed the validation findings once; packaging does not repeat them.
    const schemaLines = build.stderr.split('\n').filter((l) => /^tei\/wilson-118686\.xml:\d+(:\d+)? error tei\/schema /.test(l));
    expect(new Set(schemaLines).size).toBe(schemaLines.length);
    expect(snapshotTree(bag)).toEqual(bagBefore);
    expect(bagVerifies(bag)).toBe(true);
  });

  it('a format the config names wrongly is refused before anything is built', () => {
    const other = makeEdition({ packages: { formats: ['bagit', 'zipit'] } });
    const build = runCli(['build', '--no-progress'], other);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(/config\/invalid-value .*packages/);
    expect(existsSync(join(other, 'output'))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });
});
