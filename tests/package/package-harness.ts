import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';

/** A fresh sample edition (with extra config keys, if given), built, then packaged in every format by the real CLI. */
export function packagedEdition(extraConfig: Record<string, unknown> = {}): { dir: string; out: string } {
  assertCliBuilt();
  const dir = makeEdition(extraConfig);
  const build = runCli(['build'], dir);
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const out = join(dir, 'packages');
  packageAll(dir);
  return { dir, out };
}

export function packageAll(dir: string, extra: string[] = []): void {
  const run = runCli(['package', '--format', 'all', ...extra], dir);
  if (run.status !== 0) throw new Error(`package failed (${run.status}): ${run.stderr}`);
}

export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) visit(full);
      else found.push(relative(dir, full));
    }
  };
  visit(dir);
  return found.sort();
}
