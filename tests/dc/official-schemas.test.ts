import { deriveInMemory } from '../../src/pipeline/index.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dcStage } from '../../src/dc/index.js';
import { qdcProblems, xmllintProblems } from '../support/official-schemas.js';
import { cable118686, minimalCable, testConfig } from './sample-cables.js';

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
    // The third: the default rights URI (UND) is one Europeana does not accept (tests/dc/aggregators.test.ts).
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['dc/no-date', 'dc/no-title', 'dc/rights-uri-not-europeana']);
  });

  it('passes the official oai_dc and DCMI terms schemas (xmllint, schemas/official)', () => {
    for (const f of result.files) {
      const path = join(dir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
      const problems = f.path.endsWith('.qdc.xml') ? qdcProblems(String(f.content)) : xmllintProblems('oai_dc.xsd', path);
      expect(problems, f.path).toEqual([]);
    }
  });

  it('the official check can fail: a DCMI scheme value that is no W3CDTF date is rejected', () => {
    const qdc = result.files.find((f) => f.path.endsWith('.qdc.xml'));
    const broken = String(qdc?.content).replace(/(xsi:type="dcterms:W3CDTF">)[^<]*/, '$1not a date');
    expect(qdcProblems(broken).join('\n')).toMatch(/W3CDTF|not a valid value/);
  });
});
