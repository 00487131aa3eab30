import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

/** Diagnostic lines about TEI files ("tei/<file>:line… severity code"), as both commands print them. */
function teiFindings(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^tei\/[^ ]+\.xml[:\d]* (error|warning) tei\//.test(line))
    .sort();
}

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = makeEdition();
  const first = runCli(['build', '--no-progress'], dir);
  expect(first.status, first.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build validates the TEI master it reads', { timeout: 120_000 }, () => {
  it('reports the same findings about the same files as cablekit validate', () => {
    const build = runCli(['build', '--no-progress'], dir);
    const validate = runCli(['validate'], dir);
    const fromValidate = teiFindings(validate.stderr);
    expect(fromValidate.length).toBeGreaterThan(0);
    expect(teiFindings(build.stderr)).toEqual(fromValidate);
  });

  it('holds back an invalid hand edit: error with file:line, earlier outputs and the OAI record kept, the batch goes on', () => {
    const tei = join(dir, 'tei', 'wilson-118686.xml');
    const manifest = join(dir, 'output', 'iiif', 'wilson-118686', 'manifest.json');
    const oaiDc = join(dir, 'output', 'dc', 'wilson-118686.oai_dc.xml');
    const page = join(dir, 'output', 'site', 'documents', 'wilson-118686.html');
    const store = join(dir, '.cablekit', 'oai-store.sqlite');
    const before = [manifest, oaiDc, page].map((f) => readFileSync(f, 'utf8'));
    const recordBefore = storeRecord(store, 'wilson-118686');

    // A typo a person might make: an element the profile does not allow, inside the body.
    const edited = readFileSync(tei, 'utf8').replace('<body>', '<body><paragraf>typo</paragraf>');
    writeFileSync(tei, edited);
    const build = runCli(['build', '--no-progress'], dir);

    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/^tei\/wilson-118686\.xml:\d+(:\d+)? error tei\/schema /m);
    expect(build.stderr).toMatch(/build\/tei-invalid-held-back/);
    expect([manifest, oaiDc, page].map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(storeRecord(store, 'wilson-118686')).toEqual(recordBefore);
    // The other document was still built.
    expect(build.stderr).not.toMatch(/prc-fma-106-01479-08-85-88\.xml[:\d]* error/);
    expect(build.stderr).toMatch(/Built 2 documents/);
  });
});

/** The record's row, read straight from the SQLite file (node:sqlite), apart from cablekit's own code. */
function storeRecord(store: string, id: string): unknown {
  const db = new DatabaseSync(store, { readOnly: true });
  try {
    return { ...(db.prepare('SELECT * FROM oai_records WHERE id = ?').get(id) as object) };
  } finally {
    db.close();
  }
}
