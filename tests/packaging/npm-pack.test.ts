import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** What `npm pack` would publish: the command users run, its schemas and data — no bench, no tests. */
function packedFiles(): string[] {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, run.stderr).toBe(0);
  const [pack] = JSON.parse(run.stdout) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((f) => f.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('holds the cablekit command and the project schemas', () => {
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('schemas/cable-tei.rng');
    expect(files).toContain('package.json');
  });

  it('holds no benchmark, corpus generator or test code', () => {
    const offending = files.filter((p) => /^(bench|dist-bench|tests|scripts)\//.test(p) || /(^|\/)bench(\/|-)/.test(p) || /\.test\.[jt]s$/.test(p));
    expect(offending).toEqual([]);
  });
});
