/**
 * Real disk faults under a real build (the built CLI, no mocks): a file where a folder should be,
 * a read-only folder (a read-only bind mount: the tests run as root, whom chmod does not stop) and
 * a full disk (a small tmpfs). Each time the build must name the failure and its cause in a typed
 * diagnostic, write its report, exit 1 without a stack trace, leave every file it had written
 * before as it was — and once the fault is gone, the next build ends as if there had been none.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { treeBytes } from '../pipeline/incremental-support.js';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';

const STACK_LINE = /^\s+at .+[:(]/m;
const ENV = { SOURCE_DATE_EPOCH: '1767225600' };
const tree = (root: string): Map<string, string> => treeBytes(root, ['tei', 'output']);

let scratch: string;
const mounts: string[] = [];

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Whether this process may mount (root on a machine that allows it, as CI's). Those tests fail,
 * naming what they need, where it may not: a skipped test would hide the gap.
 */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'cablekit-mount-probe-'));
  const ok = run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (ok) run('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
}
const MOUNTS = process.platform === 'linux' && canMount();
function requireMounts(): void {
  if (!MOUNTS) throw new Error('this test mounts a read-only bind mount and a small tmpfs: run the tests as root on Linux where mount is allowed (CI does)');
}

function readOnly(folder: string): void {
  expect(run('mount', ['--bind', folder, folder])).toBe(true);
  mounts.push(folder);
  expect(run('mount', ['-o', 'remount,bind,ro', folder])).toBe(true);
}

function unmount(folder: string): void {
  run('umount', [folder]);
  mounts.splice(mounts.indexOf(folder), 1);
}

beforeAll(() => {
  assertCliBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'cablekit-faults-'));
});
afterAll(() => {
  for (const m of [...mounts].reverse()) run('umount', ['-l', m]);
  rmSync(scratch, { recursive: true, force: true });
});

/** An edition built once, and the same edition with a changed page built without a fault (the reference). */
function builtEdition(): { dir: string; reference: Map<string, string>; change: (dir: string) => void } {
  const dir = makeEdition();
  expect(runCli(['build', '--no-progress', '-q'], dir, ENV).status).toBe(0);
  const change = (d: string): void => appendFileSync(join(d, 'sources', '000_8b1b759c36f2ea61.txt'), '\nA line added later.\n');
  const clean = mkdtempSync(join(scratch, 'clean-'));
  cpSync(dir, clean, { recursive: true });
  change(clean);
  expect(runCli(['build', '--no-progress', '-q'], clean, ENV).status).toBe(0);
  return { dir, reference: tree(clean), change };
}

/** Runs the build under a fault: exit 1, no stack trace, a report with the failure and its cause. */
function faultedBuild(dir: string, expected: RegExp): Diagnostic[] {
  const reportPath = join(mkdtempSync(join(scratch, 'report-')), 'report.json');
  return checkFaulted(runCli(['build', '--no-progress', '--report', reportPath], dir, ENV), reportPath, expected);
}

function checkFaulted(result: { status: number | null; stderr: string }, reportPath: string, expected: RegExp): Diagnostic[] {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toContain('unexpected failure');
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { diagnostics: Diagnostic[]; documents: { diagnostics: Diagnostic[] }[] };
  const all = [...report.diagnostics, ...report.documents.flatMap((d) => d.diagnostics)];
  const errors = all.filter((d) => d.severity === 'error');
  expect(errors.length, result.stderr).toBeGreaterThan(0);
  expect(errors.some((d) => expected.test(`${d.code} ${d.message}`)), JSON.stringify(errors, null, 1)).toBe(true);
  expect(errors.every((d) => d.file !== undefined || d.code !== 'build/write-failed')).toBe(true);
  return errors;
}

/** The paths whose bytes differ between two trees (a short failure message, unlike the trees themselves). */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** Every file under tei/ and output/ holds its bytes from before the faulty run or those of the reference. */
function onlyWholeFiles(dir: string, before: Map<string, string>, reference: Map<string, string>): void {
  for (const [path, bytes] of tree(dir)) {
    expect(path).not.toMatch(/(^|\/)\.(?!cablekit-state\.json$)/);
    expect(bytes === before.get(path) || bytes === reference.get(path), `${path} is neither the old nor the new file`).toBe(true);
  }
}

describe('disk faults during a build', { timeout: 600_000 }, () => {
  it('a file where a folder should be: the TEI folder, the build state, the outputs ledger, the build cache', () => {
    const fresh = makeEdition();
    writeFileSync(join(fresh, 'tei'), 'not a folder');
    const [tei] = faultedBuild(fresh, /^build\/io-failed could not create the TEI folder: .*EEXIST/);
    expect(tei!.file).toBe('tei');
    expect(existsSync(join(fresh, 'output'))).toBe(false);

    const { dir, reference, change } = builtEdition();
    change(dir);
    const before = tree(dir);
    const state = join(dir, 'tei', '.cablekit-state.json');
    const stateBytes = readFileSync(state);
    rmSync(state);
    mkdirSync(state);
    faultedBuild(dir, /^build\/io-failed could not read the build state: .*EISDIR/);
    rmSync(state, { recursive: true });
    writeFileSync(state, stateBytes);
    onlyWholeFiles(dir, before, reference);

    const ledger = join(dir, '.cablekit', 'outputs.sha256');
    const ledgerBytes = readFileSync(ledger);
    rmSync(ledger);
    mkdirSync(ledger);
    faultedBuild(dir, /^build\/io-failed could not remove stale outputs and write the outputs ledger: .*EISDIR/);
    onlyWholeFiles(dir, before, reference);
    rmSync(ledger, { recursive: true });
    writeFileSync(ledger, ledgerBytes);

    // The build cache a folder: read as no cache (said), the work done in full; keeping it fails.
    const cache = join(dir, '.cablekit', 'build-cache.sqlite');
    const cacheBytes = readFileSync(cache);
    rmSync(cache);
    mkdirSync(cache);
    const errors = faultedBuild(dir, /^build\/write-failed could not keep the build cache: .*EISDIR/);
    expect(errors).toHaveLength(1);
    rmSync(cache, { recursive: true });
    writeFileSync(cache, cacheBytes);
    expect(differing(tree(dir), reference)).toEqual([]);

    const next = runCli(['build', '--no-progress'], dir, ENV);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).not.toMatch(/hand-edited/);
    expect(differing(tree(dir), reference)).toEqual([]);
  });

  it('a report that cannot be written is said in one line, exit 1, and the build itself is whole', () => {
    const dir = makeEdition();
    writeFileSync(join(dir, 'in-the-way'), '');
    const result = runCli(['build', '--no-progress', '-q', '--report', 'in-the-way/report.json'], dir, ENV);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/^cablekit: cannot write the report in-the-way\/report\.json: (EEXIST|ENOTDIR)/gm)).toHaveLength(1);
    expect(result.stderr).not.toContain('unexpected failure');
    expect(runCli(['build', '--no-progress', '-q'], dir, ENV).status).toBe(0);
  });

  it('a read-only output folder, TEI folder and bookkeeping folder', () => {
    requireMounts();
    const { dir: built, reference, change } = builtEdition();
    // A read-only .cablekit/ stops the build at its lock, before anything is written.
    for (const [folder, expected] of [
      ['output', /^build\/write-failed .*EROFS/],
      ['tei', /^build\/internal-error this page could not be processed: EROFS/],
      ['.cablekit', /^build\/io-failed could not take the build lock: .*EROFS/],
    ] as const) {
      const dir = mkdtempSync(join(scratch, 'ro-'));
      cpSync(built, dir, { recursive: true });
      change(dir);
      const before = tree(dir);
      readOnly(join(dir, folder));
      faultedBuild(dir, expected);
      unmount(join(dir, folder));
      onlyWholeFiles(dir, before, reference);
      const next = runCli(['build', '--no-progress'], dir, ENV);
      expect(next.status, next.stderr).toBe(0);
      expect(next.stderr).not.toMatch(/hand-edited/);
      expect(differing(tree(dir), reference), folder).toEqual([]);
    }
  });

  it('a full disk (a small tmpfs), with little or no room left, at each phase it reaches', () => {
    requireMounts();
    const { dir: built, change } = builtEdition();
    // The reference is built on a tmpfs too: the order a folder lists its files in differs
    // between file systems, and the search index numbers its pages in that order.
    const refDisk = mkdtempSync(join(scratch, 'ref-disk-'));
    expect(run('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', refDisk])).toBe(true);
    mounts.push(refDisk);
    cpSync(built, join(refDisk, 'edition'), { recursive: true });
    change(join(refDisk, 'edition'));
    expect(runCli(['build', '--no-progress', '-q'], join(refDisk, 'edition'), ENV).status).toBe(0);
    const reference = tree(join(refDisk, 'edition'));
    const phases = new Set<string>();
    for (const room of [0, 32, 96, 256]) {
      const disk = mkdtempSync(join(scratch, 'disk-'));
      expect(run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk])).toBe(true);
      mounts.push(disk);
      const dir = join(disk, 'edition');
      cpSync(built, dir, { recursive: true });
      change(dir);
      const before = tree(dir);
      // Fill the disk but for `room` KiB.
      const free = Number(statfsSync(disk).bavail * statfsSync(disk).bsize);
      writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, free - room * 1024)));
      const reportPath = join(scratch, `report-${room}.json`);
      const result = runCli(['build', '--no-progress', '--report', reportPath], dir, ENV);
      if (result.stderr.includes('such as the search indexer')) {
        // Pagefind's indexer dies on a full disk without an answer (src/site): the build ends with
        // one line, exit 1, and the report it wrote before indexing.
        expect(result.status).toBe(1);
        expect(result.stderr).not.toMatch(STACK_LINE);
        expect(existsSync(reportPath)).toBe(true);
        phases.add('make the search index (the indexer died)');
        rmSync(join(disk, 'filler'));
        const next = runCli(['build', '--no-progress'], dir, ENV);
        expect(next.status, next.stderr).toBe(0);
        expect(differing(tree(dir), reference)).toEqual([]);
      } else if (result.status === 0) {
        // Room enough for this run: nothing to check here but the result.
        expect(differing(tree(dir), reference)).toEqual([]);
      } else {
        const errors = checkFaulted(result, reportPath, /ENOSPC/);
        if (process.env['CABLEKIT_FAULTS_VERBOSE']) process.stdout.write(`room ${room} KiB: ${errors.map((e) => `${e.code} ${e.message.slice(0, 120)}`).join('\n  ')}\n`);
        for (const e of errors) phases.add(e.message.replace(/:.*/s, ''));
        onlyWholeFiles(dir, before, reference);
        rmSync(join(disk, 'filler'));
        const next = runCli(['build', '--no-progress'], dir, ENV);
        expect(next.status, next.stderr).toBe(0);
        expect(next.stderr).not.toMatch(/hand-edited/);
        expect(differing(tree(dir), reference)).toEqual([]);
      }
      unmount(disk);
    }
    process.stdout.write(`full-disk phases reached: ${[...phases].join('; ')}\n`);
    expect(phases.size).toBeGreaterThan(1);
  });
});
