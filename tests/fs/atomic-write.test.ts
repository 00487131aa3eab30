import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeIfChanged } from '../../src/fs/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cablekit-fs-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the content, creating folders, and leaves no temporary file', () => {
    const target = join(dir, 'a', 'b', 'file.xml');
    writeFileAtomic(target, 'héllo ✓');
    expect(readFileSync(target, 'utf8')).toBe('héllo ✓');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['file.xml']);
  });

  it('replaces an existing file whole', () => {
    const target = join(dir, 'f.txt');
    writeFileSync(target, 'old content that is longer');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });

  it('cleans up its temporary file when the rename fails', () => {
    // A folder in the way of the target makes rename fail after the temp file was written.
    const target = join(dir, 'occupied');
    writeFileAtomic(join(target, 'inside.txt'), 'x');
    expect(() => writeFileAtomic(target, 'content')).toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });
});

describe('writeIfChanged', () => {
  it('does not touch a file whose bytes are already right', () => {
    const target = join(dir, 'same.txt');
    expect(writeIfChanged(target, 'abc')).toBe('written');
    const before = statSync(target, { bigint: true }).mtimeNs;
    expect(writeIfChanged(target, 'abc')).toBe('unchanged');
    expect(statSync(target, { bigint: true }).mtimeNs).toBe(before);
    expect(writeIfChanged(target, 'abd')).toBe('written');
    expect(readFileSync(target, 'utf8')).toBe('abd');
  });
});
