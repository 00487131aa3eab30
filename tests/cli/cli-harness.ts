import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The built CLI: end-to-end tests run the real binary, as a user would (`npm test` builds first). */
export const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');
export const SEEDS_DIR = resolve(import.meta.dirname, '../../sources');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
}

export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh edition in a temp folder: the sample seeds as sources and a config next to them. */
export function makeEdition(extraConfig: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-cli-'));
  cpSync(SEEDS_DIR, join(dir, 'sources'), { recursive: true });
  writeFileSync(
    join(dir, 'cablekit.config.json'),
    JSON.stringify({ sourcesDir: 'sources', teiDir: 'tei', outputDir: 'output', baseUrl: 'http://127.0.0.1:8080', ...extraConfig }, null, 2),
  );
  return dir;
}

/** Every file under `dir` (dotfiles included) with its mtime and bytes: equal snapshots mean nothing was touched. */
export function snapshotTree(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const stat = statSync(full, { bigint: true });
      if (stat.isDirectory()) visit(full);
      else result.set(relative(dir, full), `${stat.mtimeNs}:${readFileSync(full).toString('base64')}`);
    }
  };
  visit(dir);
  return result;
}

export function listTree(dir: string): string[] {
  return [...snapshotTree(dir).keys()].sort();
}
