import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';
import { filesUnder } from './package-harness.js';

/**
 * `cablekit package --jobs N` shares the documents among N worker threads; the packages must not
 * depend on N (issue 14, "Deterministic"): the same files with the same bytes with one thread and
 * with two, for every format, the edition bag and serialized bags included.
 */

function sameTrees(a: string, b: string, atLeast = 50): void {
  const files = filesUnder(a);
  expect(files.length).toBeGreaterThan(atLeast);
  expect(filesUnder(b)).toEqual(files);
  for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
}

describe('packages written by worker threads', { timeout: 180_000 }, () => {
  let dir = '';
  beforeAll(() => {
    assertCliBuilt();
    dir = makeEdition();
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
  });

  function pack(out: string, jobs: number, extra: string[] = []): string {
    const run = runCli(['package', '--format', 'all', '--edition-bag', '--jobs', String(jobs), '--out', out, ...extra], dir);
    expect(run.status, run.stderr).toBe(0);
    return run.stderr;
  }

  it('are byte-identical with one thread and with two, in every format', () => {
    expect(pack('one', 1)).toMatch(/Packaged 2 documents .*; 0 errors; .*; no worker threads/);
    expect(pack('two', 2)).toMatch(/Packaged 2 documents .*; 0 errors; .*; 2 worker threads/);
    sameTrees(join(dir, 'one'), join(dir, 'two'));
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(['archivematica', 'bagit', 'mets', 'ocfl', 'saf']);
  });

  for (const as of ['zip', 'tar'] as const) {
    it(`give the same ${as} bags with one thread and with two`, () => {
      pack(`one-${as}`, 1, ['--serialization', as]);
      pack(`two-${as}`, 2, ['--serialization', as]);
      sameTrees(join(dir, `one-${as}`), join(dir, `two-${as}`));
    });
  }

  it('write two TEI files with one id in file order, whatever the threads: the later bag, and an OCFL version after the earlier', () => {
    // A later-named copy of a TEI file, one byte longer: the same id, other bytes.
    const tei = readdirSync(join(dir, 'tei')).filter((f) => f.endsWith('.xml')).sort();
    const first = tei[0] as string;
    const copy = join(dir, 'tei', 'zz-copy.xml');
    copyFileSync(join(dir, 'tei', first), copy);
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n`);
    try {
      const one = runCli(['package', '--format', 'bagit,ocfl', '--jobs', '1', '--out', 'dup-one'], dir);
      const two = runCli(['package', '--format', 'bagit,ocfl', '--jobs', '2', '--out', 'dup-two'], dir);
      expect(one.status, one.stderr).toBe(0);
      expect(two.status, two.stderr).toBe(0);
      expect(two.stderr).toMatch(/Packaged 3 documents .*bagit 3 written, 0 unchanged; ocfl 3 written, 0 unchanged; .*; 2 worker threads/);
      sameTrees(join(dir, 'dup-one'), join(dir, 'dup-two'), 40);
      const inventories = filesUnder(join(dir, 'dup-two', 'ocfl')).filter((f) => f.endsWith('/inventory.json') && !/\/v\d+\//.test(f));
      const heads = inventories.map((f) => ({ object: dirname(f), head: (JSON.parse(readFileSync(join(dir, 'dup-two', 'ocfl', f), 'utf8')) as { head: string }).head }));
      expect(heads.map((h) => h.head).sort()).toEqual(['v1', 'v2']);
      // The second version was added to the object, not written in place of its first.
      const twice = heads.find((h) => h.head === 'v2')?.object as string;
      expect(existsSync(join(dir, 'dup-two', 'ocfl', twice, 'v1', 'inventory.json'))).toBe(true);
    } finally {
      rmSync(copy);
    }
  });
});
