import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireProgram } from '../support/programs.js';
import { filesUnder, packagedEdition } from './package-harness.js';

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
