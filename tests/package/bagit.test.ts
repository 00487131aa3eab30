import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireProgram } from '../support/programs.js';
import { filesUnder, packageAll, packagedEdition } from './package-harness.js';

/** coreutils' own checker run inside the bag over one manifest: the status and its output. */
function coreutilsCheck(bag: string, algorithm: 'sha256' | 'sha512', manifest: string): { ok: boolean; output: string } {
  requireProgram(`${algorithm}sum`, 'coreutils');
  const run = spawnSync(`${algorithm}sum`, ['--strict', '-c', manifest], { cwd: bag, encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

function fullCheck(bag: string): boolean {
  return (['sha256', 'sha512'] as const).every(
    (a) => coreutilsCheck(bag, a, `manifest-${a}.txt`).ok && coreutilsCheck(bag, a, `tagmanifest-${a}.txt`).ok,
  );
}

/** Payload-Oxum as RFC 8493 defines it, counted from the bag's data/ folder. */
function oxumOf(bag: string): string {
  const files = filesUnder(join(bag, 'data'));
  const bytes = files.reduce((sum, f) => sum + statSync(join(bag, 'data', f)).size, 0);
  return `${bytes}.${files.length}`;
}

describe('BagIt bags, checked with coreutils', () => {
  let out = '';
  let bags: string[] = [];
  beforeAll(() => {
    out = packagedEdition().out;
    bags = readdirSync(join(out, 'bagit')).map((n) => join(out, 'bagit', n)).filter((p) => statSync(p).isDirectory());
  }, 180_000);

  it('every manifest and tag manifest verifies, and Payload-Oxum matches the payload', () => {
    expect(bags.length).toBeGreaterThanOrEqual(2);
    for (const bag of bags) {
      expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
      for (const a of ['sha256', 'sha512'] as const) {
        for (const m of [`manifest-${a}.txt`, `tagmanifest-${a}.txt`]) {
          const r = coreutilsCheck(bag, a, m);
          expect(r.ok, `${bag}/${m}: ${r.output}`).toBe(true);
        }
      }
      // every payload file is listed in each manifest
      const listed = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/, 2)[1]).sort();
      expect(listed).toEqual(filesUnder(join(bag, 'data')).map((f) => `data/${f}`));
      const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
      expect(info).toMatch(new RegExp(`^Payload-Oxum: ${oxumOf(bag).replace('.', '\\.')}$`, 'm'));
    }
  });

  it('a tampered payload byte is detected', () => {
    const bag = bags[0]!;
    const file = join(bag, 'data', filesUnder(join(bag, 'data'))[0]!);
    const bytes = readFileSync(file);
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(file, bytes);
    expect(fullCheck(bag)).toBe(false);
    expect(coreutilsCheck(bag, 'sha256', 'manifest-sha256.txt').output).toMatch(/FAILED/);
  });

  it('a removed payload file is detected (by the manifest and by Payload-Oxum)', () => {
    const bag = bags[1]!;
    const before = oxumOf(bag);
    rmSync(join(bag, 'data', filesUnder(join(bag, 'data'))[0]!));
    expect(fullCheck(bag)).toBe(false);
    expect(oxumOf(bag)).not.toBe(before);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).not.toContain(`Payload-Oxum: ${oxumOf(bag)}\n`);
  });

  it('an added stray line in a tag file breaks the tag manifest', () => {
    const bag = bags[0]!;
    appendFileSync(join(bag, 'bag-info.txt'), 'X-Extra: 1\n');
    expect(coreutilsCheck(bag, 'sha256', 'tagmanifest-sha256.txt').ok).toBe(false);
  });
});

describe('serialized bags (RFC 8493 §4.4), unpacked by Info-ZIP unzip and GNU tar, then checked with coreutils', () => {
  let dir = '';
  beforeAll(() => {
    ({ dir } = packagedEdition());
  }, 180_000);

  for (const [as, program, pkg] of [['zip', 'unzip', 'unzip'], ['tar', 'tar', 'tar']] as const) {
    it(`--serialization ${as}: each archive unpacks to one folder named like the bag, whose manifests verify; the same run again gives the same bytes`, () => {
      requireProgram(program, pkg);
      const out = mkdtempSync(join(tmpdir(), `cablekit-bag-${as}-`));
      packageAll(dir, ['--out', out, '--serialization', as, '--edition-bag']);
      const archives = readdirSync(join(out, 'bagit')).sort();
      expect(archives).toEqual(['edition.bag', 'prc-fma-106-01479-08-85-88', 'wilson-118686'].map((n) => `${n}.${as}`));
      const first = new Map(archives.map((a) => [a, readFileSync(join(out, 'bagit', a))]));
      for (const archive of archives) {
        const unpacked = mkdtempSync(join(tmpdir(), 'cablekit-unbag-'));
        const file = join(out, 'bagit', archive);
        const run = as === 'zip' ? spawnSync('unzip', ['-q', file, '-d', unpacked], { encoding: 'utf8' }) : spawnSync('tar', ['-xf', file, '-C', unpacked], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        const name = archive.slice(0, -(as.length + 1));
        expect(readdirSync(unpacked)).toEqual([name]);
        expect(fullCheck(join(unpacked, name)), `${archive} after unpacking`).toBe(true);
      }
      rmSync(join(out, 'bagit'), { recursive: true });
      packageAll(dir, ['--out', out, '--serialization', as, '--edition-bag']);
      for (const [a, bytes] of first) expect(readFileSync(join(out, 'bagit', a)).equals(bytes), `${a} rebuilt`).toBe(true);
    });
  }
});
