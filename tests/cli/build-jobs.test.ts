import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchEdition } from '../../bench/build-edition.js';
import { treeBytes } from '../pipeline/incremental-support.js';
import { assertCliBuilt, runCli } from './cli-harness.js';

/** Reproducible revision times, so two builds can be compared byte for byte. */
const ENV = { SOURCE_DATE_EPOCH: '1767225600' };
/** Enough documents for the build to start workers (fewer are done in its own thread). */
const PAGES = 40;

const tree = (root: string): Map<string, string> => treeBytes(root, ['tei', 'output']);

const dirs: string[] = [];
beforeAll(() => assertCliBuilt());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildWith(jobs: number): { dir: string; report: { workers: number; summary: { documents: number; failed: number } }; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), `cablekit-jobs-${jobs}-`));
  dirs.push(dir);
  writeBenchEdition(dir, PAGES);
  const run = runCli(['build', '--no-progress', '-q', '--jobs', String(jobs), '--report', 'report.json'], dir, ENV);
  return { dir, status: run.status, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) };
}

describe('cablekit build --jobs', { timeout: 600_000 }, () => {
  it('writes the same bytes, in the same files, with one worker thread or two', () => {
    const one = buildWith(1);
    const two = buildWith(2);
    // --jobs 1 keeps every document in the build's own thread; --jobs 2 really starts two workers.
    expect(one.report.workers).toBe(0);
    expect(two.report.workers).toBe(2);
    expect(two.report.summary.documents).toBe(PAGES);
    expect(two.status).toBe(one.status);
    const a = tree(one.dir);
    expect(a.size).toBeGreaterThan(PAGES * 5);
    expect(tree(two.dir)).toEqual(a);
  });

  it('refuses a number of jobs that is not a whole number from 1 up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cablekit-jobs-bad-'));
    dirs.push(dir);
    const run = runCli(['build', '--jobs', '0'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs.*whole number from 1 to 256/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
