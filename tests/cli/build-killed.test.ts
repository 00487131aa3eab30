import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchEdition } from '../../bench/build-edition.js';
import { treeBytes } from '../pipeline/incremental-support.js';
import { assertCliBuilt, CLI, runCli } from './cli-harness.js';

/** Reproducible revision times, so a clean build can be compared byte for byte. */
const ENV = { SOURCE_DATE_EPOCH: '1767225600' };

const tree = (root: string): Map<string, string> => treeBytes(root, ['tei', 'output']);

/** Starts `cablekit build` and kills it with SIGKILL after `ms`; resolves when it has ended. */
function buildKilledAfter(dir: string, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', '--no-progress', '-q'], { cwd: dir, env: { ...process.env, ...ENV }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

let dir: string;
let clean: string;
beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cablekit-killed-'));
  clean = mkdtempSync(join(tmpdir(), 'cablekit-clean-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(clean, { recursive: true, force: true });
});

describe('a build killed with SIGKILL', { timeout: 600_000 }, () => {
  it('leaves only whole files, no false hand edit, and the next build ends byte-identical to the same edition built without a kill', async () => {
    const sources = writeBenchEdition(dir, 30);
    const first = runCli(['build', '--no-progress', '-q'], dir, ENV);
    expect(first.status, first.stderr).not.toBeNull();
    // Every page changes, so each killed run is in the middle of rewriting TEI and outputs.
    sources.forEach((file, i) => appendFileSync(file, `\nA line added in round one, page ${i}.\n`));
    const before = tree(dir);

    // What a complete run makes of the edited pages: the same edition, edited the same way, built
    // once without a kill, timed. (Not a build from nothing: the IIIF Change Discovery feed
    // records the edition's history, so it holds the first build's Creates and this round's Updates.)
    cpSync(dir, clean, { recursive: true });
    const started = Date.now();
    const fresh = runCli(['build', '--no-progress'], clean, ENV);
    const fullRun = Date.now() - started;
    const after = tree(clean);

    const signals: (string | null)[] = [];
    for (let round = 0; round < 4; round++) {
      // A random moment of a run (its length measured on this machine, just now).
      signals.push(await buildKilledAfter(dir, Math.round(fullRun * (0.05 + 0.55 * Math.random()))));
      // Whatever the moment: no temporary file, and each file holds its old bytes or those a complete run writes.
      for (const [path, bytes] of tree(dir)) {
        expect(path).not.toMatch(/(^|\/)\.(?!cablekit-state\.json$)/);
        expect(bytes === before.get(path) || bytes === after.get(path), `${path} is neither the old nor the new file`).toBe(true);
      }
    }
    expect(signals).toContain('SIGKILL');

    const next = runCli(['build', '--no-progress'], dir, ENV);
    expect(next.stderr).not.toMatch(/build\/tei-hand-edited/);

    expect(next.status).toBe(fresh.status);
    expect(tree(dir)).toEqual(after);
  });
});
