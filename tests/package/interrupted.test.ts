import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../cli/cli-harness.js';
import { requireProgram } from '../support/programs.js';
import { filesUnder, packagedEdition } from './package-harness.js';

/**
 * A kill never leaves a partial package where a complete one is expected (issue 14, "Safe"): the
 * run is killed with SIGKILL at several moments while it rewrites packages; whatever moment it
 * was, every bag in place verifies and every OCFL object in place is whole, and the next run
 * completes the work without adding a version twice.
 */

function bagsWhole(bagit: string): string[] {
  requireProgram('sha512sum', 'coreutils');
  const broken: string[] = [];
  for (const bag of readdirSync(bagit)) {
    if (!statSync(join(bagit, bag)).isDirectory()) continue;
    for (const m of ['manifest-sha512.txt', 'tagmanifest-sha512.txt']) {
      if (spawnSync('sha512sum', ['--strict', '--quiet', '-c', m], { cwd: join(bagit, bag), stdio: 'ignore' }).status !== 0) broken.push(`${bag}/${m}`);
    }
  }
  return broken;
}

/** Objects whose inventory, sidecar or content is not all there; and each object's head. */
function ocflState(root: string): { broken: string[]; heads: Record<string, string> } {
  const broken: string[] = [];
  const heads: Record<string, string> = {};
  for (const file of filesUnder(root).filter((f) => f.endsWith('/0=ocfl_object_1.1'))) {
    const objectDir = join(root, file.replace(/\/0=ocfl_object_1\.1$/, ''));
    const text = existsSync(join(objectDir, 'inventory.json')) ? readFileSync(join(objectDir, 'inventory.json')) : undefined;
    if (!text) {
      broken.push(`${objectDir}: no inventory`);
      continue;
    }
    const sidecar = readFileSync(join(objectDir, 'inventory.json.sha512'), 'utf8').split(/\s+/)[0];
    if (sidecar !== createHash('sha512').update(text).digest('hex')) broken.push(`${objectDir}: sidecar`);
    const inv = JSON.parse(text.toString('utf8')) as { id: string; head: string; manifest: Record<string, string[]> };
    for (const [digest, paths] of Object.entries(inv.manifest)) {
      for (const p of paths) if (!existsSync(join(objectDir, p)) || createHash('sha512').update(readFileSync(join(objectDir, p))).digest('hex') !== digest) broken.push(`${inv.id}: ${p}`);
    }
    heads[inv.id] = inv.head;
  }
  return { broken, heads };
}

function killedRun(cwd: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'package', '--format', 'all'], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a killed packaging run', () => {
  let dir = '';
  beforeAll(() => {
    ({ dir } = packagedEdition());
  }, 180_000);

  it('never leaves a broken package in place, and the next run finishes the work with one new version per change', { timeout: 600_000 }, async () => {
    const tei = join(dir, 'tei', 'wilson-118686.xml');
    const packages = join(dir, 'packages');
    let version = 1;
    for (const [round, afterMs] of [150, 400, 700, 1000, 1500].entries()) {
      const before = readFileSync(tei, 'utf8');
      const edited = before.replace(/Kim Il (\(round \d+\) )?discusses/, `Kim Il (round ${round}) discusses`);
      expect(edited).not.toBe(before);
      writeFileSync(tei, edited);
      const build = runCli(['build', '--no-progress'], dir);
      expect(build.status, build.stderr).toBe(0);
      version += 1;

      await killedRun(dir, afterMs);
      expect(bagsWhole(join(packages, 'bagit')), `after a kill at ${afterMs} ms`).toEqual([]);
      const killed = ocflState(join(packages, 'ocfl'));
      expect(killed.broken, `after a kill at ${afterMs} ms`).toEqual([]);
      expect(['v' + String(version - 1), 'v' + String(version)]).toContain(killed.heads['wilson-118686']);

      const again = runCli(['package', '--format', 'all'], dir);
      expect(again.status, again.stderr).toBe(0);
      expect(existsSync(join(packages, '.cablekit-tmp'))).toBe(false);
      expect(bagsWhole(join(packages, 'bagit'))).toEqual([]);
      const after = ocflState(join(packages, 'ocfl'));
      expect(after.broken).toEqual([]);
      expect(after.heads).toEqual({ 'prc-fma-106-01479-08-85-88': 'v1', 'wilson-118686': `v${version}` });
      expect(readFileSync(join(packages, 'bagit', 'wilson-118686', 'data', 'tei', 'wilson-118686.xml')).equals(readFileSync(tei))).toBe(true);
    }
  });
});
