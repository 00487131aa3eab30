import { spawnSync } from 'node:child_process';

/**
 * Fails (never skips) when a program a test needs is not installed, naming it and the Debian
 * package that provides it; `npm test`'s preflight (scripts/preflight.mjs) normally installs it.
 */
export function requireProgram(program: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program], { encoding: 'utf8' });
  if (found.status !== 0 || found.stdout.trim() === '') {
    throw new Error(`${program} is not installed: this test needs it (Debian package ${debianPackage}; run: apt-get install ${debianPackage})`);
  }
  return found.stdout.trim();
}
