import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchEdition } from '../../bench/build-edition.js';
import { assertCliBuilt, CLI, runCli } from './cli-harness.js';

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cablekit-lock-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (outputDir: string): string =>
  JSON.stringify({ sourcesDir: 'sources', teiDir: 'tei', outputDir, baseUrl: 'http://127.0.0.1:8080' });

describe('the build lock', { timeout: 300_000 }, () => {
  it('covers the TEI folder: two configs sharing tei/ with different output folders never build at once', async () => {
    writeBenchEdition(dir, 40);
    writeFileSync(join(dir, 'a.json'), config('a/output'));
    writeFileSync(join(dir, 'b.json'), config('b/output'));
    const teiLock = join(dir, '.cablekit', 'tei.tei.lock');

    const first = spawn(process.execPath, [CLI, 'build', '-c', 'a.json', '--no-progress', '-q'], { cwd: dir, stdio: 'ignore' });
    const firstEnded = new Promise<number | null>((done) => first.on('exit', (code) => done(code)));
    let running = true;
    void firstEnded.then(() => (running = false));
    // Wait until the first build holds its locks (in this layout the output's is taken last).
    const outputLock = join(dir, 'a', '.cablekit', 'build.lock');
    while (running && !(existsSync(outputLock) && readdirSync(outputLock).some((n) => n.endsWith('.held')))) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(running, 'the first build ended before its lock was seen').toBe(true);
    const second = runCli(['build', '-c', 'b.json', '--no-progress'], dir);
    expect(await firstEnded).toBe(0);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`another cablekit build of this edition is running (process ${first.pid})`);
    expect(existsSync(join(dir, 'b', 'output'))).toBe(false);
    expect(existsSync(teiLock)).toBe(false);

    // Once the first has finished, the second builds from the same TEI without a false hand edit.
    const again = runCli(['build', '-c', 'b.json', '--no-progress'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/hand-edited/);
  });
});
