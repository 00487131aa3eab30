import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI, makeEdition } from './cli-harness.js';

const dirs: string[] = [];
beforeAll(assertCliBuilt);
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cablekit serve (end to end)', () => {
  it('answers OAI-PMH Identify and stops cleanly on SIGTERM', async () => {
    const dir = makeEdition();
    dirs.push(dir);
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /serving (http:\/\/\S+?) /.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early: ${stderr}`)));
    });
    const response = await fetch(`${url}/oai?verb=Identify`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Identify>');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
