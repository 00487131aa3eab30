import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cablekit-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function preflight(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['scripts/preflight.mjs', ...args], { encoding: 'utf8' });
}

describe('scripts/preflight.mjs', () => {
  it('passes when every listed package is installed (the list the tests use)', () => {
    const run = preflight(['--no-install']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const listed = readFileSync('scripts/debian-packages.txt', 'utf8').split('\n').filter((l) => /^[a-z0-9]/.test(l)).length;
    expect(run.stdout).toContain(`${listed} Debian packages present`);
  });

  it('stops at once with one apt-get line naming only the missing packages', () => {
    const list = join(dir, 'packages.txt');
    writeFileSync(list, '# comment\njing  # present\n\nno-such-package-cablekit  # missing\n');
    const run = preflight(['--list', list, '--no-install']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y --no-install-recommends no-such-package-cablekit\n');
    expect(run.stderr).not.toMatch(/install .*jing/);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });
});
