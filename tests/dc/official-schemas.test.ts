import { spawnSync } from 'node:child_process';
import { deriveInMemory } from '../../src/pipeline/index.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dcStage } from '../../src/dc/index.js';
import { cable118686, minimalCable, testConfig } from './sample-cables.js';

const CHECK = resolve(process.cwd(), '../shared/conformance/check');
const dir = mkdtempSync(join(tmpdir(), 'cablekit-dc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dcStage', () => {
  const decoded = [cable118686(), minimalCable()].map((cable) => ({ cable, teiPath: `tei/${cable.id}.xml`, teiSha256: '0'.repeat(64) }));
  const result = deriveInMemory(dcStage, decoded, testConfig);

  it('writes both records per cable at the documented paths, without schema errors', () => {
    expect(result.files.map((f) => f.path)).toEqual([
      'dc/doc-118686.oai_dc.xml',
      'dc/doc-118686.qdc.xml',
      'dc/doc-min.oai_dc.xml',
      'dc/doc-min.qdc.xml',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns about what the TEI lacks instead of inventing it', () => {
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['dc/no-date', 'dc/no-title']);
  });

  it('passes the official oai_dc and DCMI terms schemas (conformance/check)', () => {
    for (const f of result.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const run = spawnSync(CHECK, ['--require', 'dc,qdc', dir], { encoding: 'utf8' });
    expect(run.stdout).toContain('conformance: 4 passed, 0 failed');
    expect(run.status).toBe(0);
  });
});
