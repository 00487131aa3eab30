import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireProgram } from '../support/programs.js';
import { packagedEdition } from './package-harness.js';

/** The official METS 1.12 and PREMIS 3 XSDs (schemas/official), loaded together by the driver. */
const DRIVER = join(import.meta.dirname, '../../schemas/official/mets-premis-driver.xsd');

function xmllint(file: string): { ok: boolean; output: string } {
  requireProgram('xmllint', 'libxml2-utils');
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', DRIVER, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stderr };
}

describe('METS + PREMIS packages, checked with xmllint against the official XSDs', () => {
  let out = '';
  beforeAll(() => {
    out = packagedEdition().out;
  }, 180_000);

  it('each document METS validates, with PREMIS fixity and events for every file', () => {
    for (const id of ['wilson-118686', 'prc-fma-106-01479-08-85-88']) {
      const file = join(out, 'mets', id, 'METS.xml');
      const r = xmllint(file);
      expect(r.ok, r.output).toBe(true);
      const xml = readFileSync(file, 'utf8');
      expect(xml).toMatch(/<premis:messageDigestAlgorithm>SHA-512<\/premis:messageDigestAlgorithm>|messageDigestAlgorithm[^>]*>SHA-512</);
      for (const event of ['capture', 'validation']) expect(xml.toLowerCase()).toContain(event);
      expect(xml).toContain('cablekit');
    }
  });

  it('the check is real: a PREMIS element the schema does not allow inside xmlData is rejected', () => {
    const file = join(out, 'mets', 'wilson-118686', 'METS.xml');
    const broken = join(out, 'broken-METS.xml');
    writeFileSync(broken, readFileSync(file, 'utf8').replace(/<premis:objectIdentifier>/, '<premis:objectIdentifer>').replace(/<\/premis:objectIdentifier>/, '</premis:objectIdentifer>'));
    expect(readFileSync(broken, 'utf8')).toContain('objectIdentifer');
    expect(xmllint(broken).ok).toBe(false);
  });
});
