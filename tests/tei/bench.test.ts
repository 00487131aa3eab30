import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runTeiBench } from '../../bench/tei-bench.js';
import { decodeTei } from '../../src/tei/index.js';
import { cableArbitrary } from '../support/arbitraries.js';
import { requireProgram } from '../support/programs.js';
import { sampleCable } from './fixtures/sample-cable.js';

const workDir = mkdtempSync(join(tmpdir(), 'cablekit-tei-bench-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('runTeiBench', () => {
  it('encodes, validates and writes every cable, and reports the figures beside jing', async () => {
    requireProgram('jing', 'jing');
    const cables = [sampleCable(), ...fc.sample(cableArbitrary, { numRuns: 9, seed: 3 })];
    const result = await runTeiBench(cables, workDir);
    expect(result.name).toBe('tei');
    expect(result.metrics.cables).toBe(10);
    expect(result.metrics.errors).toBe(0);
    expect(result.metrics.encodeValidateMs).toBeGreaterThanOrEqual(0);
    const files = readdirSync(join(workDir, 'tei')).sort();
    expect(files).toHaveLength(10);
    expect(decodeTei(readFileSync(join(workDir, 'tei', files[0]!), 'utf8')).cable).toEqual(cables[0]);
    expect(result.lines[0]).toMatch(/^tei: encode \+ validate .* of 10 cables: [\d.]+ s, best of 2 \([\d.]+, [\d.]+ s\)/);
    expect(result.metrics.rounds).toBe(2);
    expect(result.metrics.jingMs).toBeGreaterThan(0);
    expect(result.metrics.jingInvalidFiles).toBe(0);
    expect(result.lines.join('\n')).toMatch(/best of 2 \([\d.]+, [\d.]+ s\), 0 invalid files/);
    expect(result.lines.join('\n')).toMatch(/ratio \d+\.\d\d, best against best/);
  });
});
