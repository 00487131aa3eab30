import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireProgram } from '../support/programs.js';
import { filesUnder, packagedEdition } from './package-harness.js';

/** The Library of Congress's bagit-python, vendored unchanged (tests/vendor/bagit-python/README.md). */
const BAGIT_PY = join(import.meta.dirname, '..', 'vendor', 'bagit-python', 'bagit.py');

function bagitPyValidate(bag: string): { ok: boolean; output: string } {
  const python = requireProgram('python3', 'python3');
  const run = spawnSync(python, [BAGIT_PY, '--validate', bag], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

describe('BagIt bags, checked with bagit-python (the Library of Congress validator)', () => {
  let bags: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'cablekit-bagit-py-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  beforeAll(() => {
    const { out } = packagedEdition();
    bags = readdirSync(join(out, 'bagit')).map((n) => join(out, 'bagit', n)).filter((p) => statSync(p).isDirectory());
  }, 180_000);

  it('validates every bag: manifests, tag manifests, Payload-Oxum, completeness', () => {
    expect(bags.length).toBeGreaterThanOrEqual(2);
    for (const bag of bags) {
      const r = bagitPyValidate(bag);
      expect(r.ok, `${bag}: ${r.output}`).toBe(true);
      expect(r.output).toMatch(/is valid/);
    }
  });

  it('finds a tampered payload byte and a missing payload file', () => {
    const tampered = join(scratch, 'tampered');
    cpSync(bags[0]!, tampered, { recursive: true });
    const file = join(tampered, 'data', filesUnder(join(tampered, 'data'))[0]!);
    const bytes = readFileSync(file);
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(file, bytes);
    const changed = bagitPyValidate(tampered);
    expect(changed.ok).toBe(false);
    expect(changed.output).toMatch(/is invalid/);

    const missing = join(scratch, 'missing');
    cpSync(bags[0]!, missing, { recursive: true });
    rmSync(join(missing, 'data', filesUnder(join(missing, 'data'))[0]!));
    const gone = bagitPyValidate(missing);
    expect(gone.ok).toBe(false);
    expect(gone.output).toMatch(/is invalid/);
  });
});
