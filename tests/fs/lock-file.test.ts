import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/fs/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cablekit-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireLock', () => {
  it('takes a free lock, records the pid and releases it', () => {
    const path = join(dir, 'sub', 'build.lock');
    const lock = acquireLock(path);
    expect(lock.acquired).toBe(true);
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    if (lock.acquired) lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a lock held by another running process', () => {
    const path = join(dir, 'build.lock');
    writeFileSync(path, `${process.ppid}\n`);
    expect(acquireLock(path)).toEqual({ acquired: false, holderPid: process.ppid });
  });

  it('takes over a lock left by a process that has ended', () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const path = join(dir, 'build.lock');
    writeFileSync(path, `${ended.stdout}\n`);
    const lock = acquireLock(path);
    expect(lock.acquired).toBe(true);
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
  });
});
