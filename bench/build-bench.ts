import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-result.js';
import { writeBenchEdition } from './build-edition.js';
import { repoRoot } from './repo-root.js';

const CLI = fileURLToPath(new URL('dist/cli/main.js', repoRoot()));
const TEI_ALL = fileURLToPath(new URL('schemas/official/tei_all.rng', repoRoot()));
const TIME = '/usr/bin/time';

interface Timed {
  seconds: number;
  peakMiB: number;
  status: number | null;
}

/** One whole process, timed from outside with its peak resident memory (GNU time's %M). */
function timeCommand(command: string, args: readonly string[], cwd: string): Timed {
  const started = performance.now();
  const run = spawnSync(TIME, ['-f', '@@%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/@@(\d+)\s*$/.exec(run.stderr ?? '')?.[1] ?? Number.NaN);
  return { seconds, peakMiB: kb / 1024, status: run.status };
}

/**
 * `cablekit build` as a user types it, on `count` generated pages: a cold build, three re-runs with
 * nothing changed (full, full and sealed, then sealed), a re-run after one page changed; and jing with tei_all over the same TEI files
 * in the same run, the reference the cold build is held against.
 */
export function runBuildBench(count: number): BenchResult {
  const lines: string[] = [];
  const metrics: Record<string, number> = { pages: count };
  if (!existsSync(CLI)) return { name: 'build', lines: ['build: skipped (run npm run build first)'], metrics };
  if (!existsSync(TIME)) return { name: 'build', lines: [`build: skipped (${TIME} is missing: install the Debian package time)`], metrics };
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-build-bench-'));
  try {
    const sources = writeBenchEdition(dir, count);
    const build = (): Timed => timeCommand(process.execPath, [CLI, 'build', '--no-progress', '-q'], dir);
    const figure = (name: string, t: Timed): void => {
      metrics[`${name}Seconds`] = Number(t.seconds.toFixed(3));
      metrics[`${name}PeakMiB`] = Math.round(t.peakMiB);
      lines.push(`build: ${name.padEnd(10)} ${t.seconds.toFixed(2).padStart(8)} s  peak RSS ${Math.round(t.peakMiB)} MiB  (exit ${t.status})`);
    };
    figure('cold', build());
    // Nothing changed, three times: a full build finds nothing to do and seals the edition once every
    // file it reads is older than its start by the clock's granularity (2 s; the cold build's last files
    // are not, so the first re-run is not sealed); the run after the sealing one only checks the seal.
    figure('noChange', build());
    figure('noChange2', build());
    figure('noChange3', build());
    appendFileSync(sources[Math.floor(sources.length / 2)]!, '\nOne more line of translation.\n');
    figure('oneChange', build());
    const jing = spawnSync('sh', ['-c', 'command -v jing'], { encoding: 'utf8' }).stdout.trim();
    if (jing !== '' && existsSync(TEI_ALL)) {
      const teiFiles = readdirSync(join(dir, 'tei')).filter((f) => f.endsWith('.xml')).map((f) => join('tei', f));
      const ref = timeCommand(jing, [TEI_ALL, ...teiFiles], dir);
      figure('jing', ref);
      const ratio = metrics['coldSeconds']! / ref.seconds;
      metrics['coldOverJing'] = Number(ratio.toFixed(3));
      lines.push(`build: cold build / jing tei_all over the same ${teiFiles.length} TEI files: ${ratio.toFixed(2)}`);
    } else {
      lines.push('build: jing reference skipped (jing or schemas/official/tei_all.rng missing)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'build', lines, metrics };
}

/**
 * Peak memory of a cold `cablekit build` of `count` generated pages (the 100,000): one
 * whole process under GNU time, like the runs above. Long (most of an hour here), so `npm run
 * bench` runs it only when CABLEKIT_BENCH_MEMORY_PAGES names a count.
 */
export function runMemoryBench(count: number): BenchResult {
  const metrics: Record<string, number> = { pages: count };
  if (!existsSync(CLI) || !existsSync(TIME)) return { name: 'build-memory', lines: ['build memory: skipped (run npm run build first; GNU time is needed)'], metrics };
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-memory-bench-'));
  try {
    writeBenchEdition(dir, count);
    const cold = timeCommand(process.execPath, [CLI, 'build', '--no-progress', '-q'], dir);
    metrics['coldSeconds'] = Number(cold.seconds.toFixed(1));
    metrics['coldPeakMiB'] = Math.round(cold.peakMiB);
    return { name: 'build-memory', lines: [`build memory: cold build of ${count} pages ${cold.seconds.toFixed(1)} s, peak RSS ${Math.round(cold.peakMiB)} MiB (exit ${cold.status})`], metrics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
