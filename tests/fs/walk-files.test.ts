import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSourceFiles, sha256Hex, toPortableRelative } from '../../src/fs/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cablekit-walk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('listSourceFiles', () => {
  it('finds *.txt recursively in sorted order, skipping dotfiles, dot-folders, other files and links', () => {
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'b', '2.txt'), '');
    writeFileSync(join(dir, 'a.TXT'), '');
    writeFileSync(join(dir, '.draft.txt'), '');
    writeFileSync(join(dir, '.hidden', 'x.txt'), '');
    writeFileSync(join(dir, 'notes.md'), '');
    symlinkSync(dir, join(dir, 'loop'));
    symlinkSync(join(dir, 'a.TXT'), join(dir, 'link.txt'));
    const found = listSourceFiles(dir).map((f) => toPortableRelative(dir, f));
    expect(found).toEqual(['a.TXT', 'b/2.txt']);
  });
});

describe('sha256Hex', () => {
  it('hashes text as UTF-8 and bytes the same way', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
  });
});

describe('toPortableRelative', () => {
  it('is path.relative with / between segments, for any path under any folder and outside it', async () => {
    const { relative } = await import('node:path');
    const fc = (await import('fast-check')).default;
    const segment = fc.oneof(fc.constantFrom('', '.', '..', 'a', 'b', 'tei', 'x.xml', ' ', 'é'), fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.includes('/') && !s.includes('\0')));
    const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.boolean(), path, path, (absolute, base, tail) => {
        const from = `${absolute ? '/' : ''}${base}`;
        const full = `${from}/${tail}`;
        expect(toPortableRelative(from, full)).toBe(relative(from, full));
        expect(toPortableRelative(from, tail)).toBe(relative(from, tail));
      }),
      { numRuns: 2000 },
    );
  });
});
