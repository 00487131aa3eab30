import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, acquireLocks } from '../../src/fs/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cablekit-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function endedPid(): number {
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(ended.stdout);
}

describe('acquireLock', () => {
  it('takes a free lock, names the pid in its claim and releases it', () => {
    const path = join(dir, 'sub', 'build.lock');
    const lock = acquireLock(path);
    expect(lock.acquired).toBe(true);
    expect(readdirSync(path).every((name) => name.startsWith(`${process.pid}.`))).toBe(true);
    if (lock.acquired) lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a lock held by another running process', () => {
    const path = join(dir, 'build.lock');
    mkdirSync(path);
    closeSync(openSync(join(path, `${process.ppid}.abc`), 'w'));
    closeSync(openSync(join(path, `${process.ppid}.abc.held`), 'w'));
    expect(acquireLock(path)).toEqual({ acquired: false, holderPid: process.ppid });
    expect(readdirSync(path).sort()).toEqual([`${process.ppid}.abc`, `${process.ppid}.abc.held`]);
  });

  it('refuses a lock file of an older cablekit whose process runs, and takes over one whose process ended', () => {
    const path = join(dir, 'build.lock');
    writeFileSync(path, `${process.ppid}\n`);
    expect(acquireLock(path)).toEqual({ acquired: false, holderPid: process.ppid });
    writeFileSync(path, `${endedPid()}\n`);
    const lock = acquireLock(path);
    expect(lock.acquired).toBe(true);
    if (lock.acquired) lock.release();
  });

  it('never takes a lock that is being made for stale: an empty lock file, a live claim without its mark', () => {
    // The race of the old lock file: created empty, its pid written a moment later.
    const file = join(dir, 'old.lock');
    writeFileSync(file, '');
    expect(acquireLock(file).acquired).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('');
    const path = join(dir, 'build.lock');
    mkdirSync(path);
    closeSync(openSync(join(path, `${process.ppid}.abc`), 'w'));
    expect(acquireLock(path)).toEqual({ acquired: false, holderPid: process.ppid });
    expect(readdirSync(path)).toEqual([`${process.ppid}.abc`]);
  });

  it('takes over a lock left by a process that has ended, and one left by an earlier process with our pid', () => {
    const path = join(dir, 'build.lock');
    mkdirSync(path);
    const dead = endedPid();
    closeSync(openSync(join(path, `${dead}.abc`), 'w'));
    closeSync(openSync(join(path, `${dead}.abc.held`), 'w'));
    closeSync(openSync(join(path, `${process.pid}.def.held`), 'w'));
    const lock = acquireLock(path);
    expect(lock.acquired).toBe(true);
    expect(readdirSync(path).every((name) => name.startsWith(`${process.pid}.`) && !name.startsWith(`${process.pid}.def`))).toBe(true);
    // Held by this process too: a second claim from it is refused.
    expect(acquireLock(path).acquired).toBe(false);
    if (lock.acquired) lock.release();
  });

  it('acquireLocks takes all or none', () => {
    const a = join(dir, 'a.lock');
    const b = join(dir, 'b.lock');
    const first = acquireLock(b);
    const both = acquireLocks([a, b]);
    expect(both).toMatchObject({ acquired: false, holderPid: process.pid, path: resolve(b) });
    expect(existsSync(a)).toBe(false);
    if (first.acquired) first.release();
    const again = acquireLocks([a, b]);
    expect(again.acquired).toBe(true);
    if (again.acquired) again.release();
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });

  it('never lets two processes hold it at once, started together over and over (and always lets one)', async () => {
    // Each process waits for a common start time, takes the lock, appends "in"/"out" lines around a short hold, and takes a
    // stale claim's place when it finds one: an overlap shows as two "in" lines in a row.
    const lockPath = join(dir, 'race.lock');
    const log = join(dir, 'log');
    const moduleUrl = new URL('../../dist/fs/lock-file.js', import.meta.url).href;
    const script = `
      import { appendFileSync } from 'node:fs';
      const { acquireLock } = await import(${JSON.stringify(moduleUrl)});
      // All start at the same moment, so their claims meet within microseconds.
      const start = Number(process.argv[2]);
      while (Date.now() < start) {}
      const lock = acquireLock(${JSON.stringify(lockPath)});
      if (lock.acquired) {
        appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n');
        const until = Date.now() + 20; while (Date.now() < until) {}
        appendFileSync(${JSON.stringify(log)}, 'out ' + process.pid + '\\n');
        if (process.argv[1] === 'die') process.exit(0); // leaves a stale claim behind
        lock.release();
      }
    `;
    if (!existsSync(new URL(moduleUrl))) throw new Error('run "npm run build" before this test');
    const rounds = 12;
    const perRound = 10;
    let holders = 0;
    for (let round = 0; round < rounds; round++) {
      const start = Date.now() + 800;
      const runs = Array.from({ length: perRound }, (_, i) =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, i === 0 && round % 3 === 0 ? 'die' : 'live', String(start)], { stdio: 'ignore' });
          child.on('exit', (code) => done(code));
        }),
      );
      expect(await Promise.all(runs)).toEqual(Array(perRound).fill(0));
    }
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]!.startsWith('in ')).toBe(true);
      expect(lines[i + 1]).toBe(`out ${lines[i]!.slice(3)}`);
      holders++;
    }
    // Each round at least one process got the lock (a stale claim never blocks for good).
    expect(holders).toBeGreaterThanOrEqual(rounds);
  }, 120_000);
});
