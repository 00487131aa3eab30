/**
 * Peak memory under files past the size limits: a 200 MiB TEI file and a 200 MiB source page are
 * refused before they are read, so the process's peak resident memory (measured by the kernel,
 * reported at exit) stays well under the file's size — reading either whole would add 200 MiB.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI, makeEdition } from '../cli/cli-harness.js';

const MIB = 1024 * 1024;
const HUGE = 200 * MIB;
// Preloaded into the CLI's process: its peak RSS (KiB) on stderr as it exits.
const REPORT_PEAK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kib="+process.resourceUsage().maxRSS+"\\n"))';

function peakMiB(args: string[], cwd: string): { status: number | null; stderr: string; peak: number } {
  const r = spawnSync(process.execPath, ['--import', REPORT_PEAK, CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  const kib = Number(/peak-rss-kib=(\d+)/.exec(r.stderr)?.[1]);
  expect(Number.isFinite(kib), r.stderr).toBe(true);
  return { status: r.status, stderr: r.stderr, peak: kib / 1024 };
}

function sparseFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

let scratch: string;
beforeAll(() => {
  assertCliBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'cablekit-peak-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('peak memory', { timeout: 300_000 }, () => {
  it('validate refuses a 200 MiB TEI file without reading it: peak RSS under 200 MiB', () => {
    sparseFile(join(scratch, 'huge.xml'), HUGE);
    const r = peakMiB(['validate', 'huge.xml'], scratch);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tei/too-large');
    expect(r.peak).toBeLessThan(HUGE / MIB);
  });

  it('a build with a 200 MiB source page peaks within 100 MiB of the same build without it', () => {
    const plain = makeEdition();
    const withHuge = makeEdition();
    sparseFile(join(withHuge, 'sources', 'huge.txt'), HUGE);
    const without = peakMiB(['build', '--no-progress', '-q'], plain);
    const huge = peakMiB(['build', '--no-progress', '-q'], withHuge);
    expect(without.status).toBe(0);
    expect(huge.status).toBe(1);
    expect(huge.stderr).toContain('build/source-too-large');
    expect(huge.peak - without.peak, `${huge.peak.toFixed(0)} MiB vs ${without.peak.toFixed(0)} MiB`).toBeLessThan(100);
    rmSync(plain, { recursive: true, force: true });
    rmSync(withHuge, { recursive: true, force: true });
  });
});
