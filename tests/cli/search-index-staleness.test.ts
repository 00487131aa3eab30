import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

/**
 * The search index is made again only when the document pages changed (or it is missing). The
 * build tells from the outputs ledger, which it reads only when the ledger was written since the
 * index's digest was kept (`.cablekit/search-index.sha256` keeps the ledger's stamp beside it).
 */
const MADE = /Search index: \d+ pages/;
// Every build here is a full one: the seal (tests/cli/build-seal.test.ts) would skip the question.
const build = (dir: string): string => runCli(['build', '--no-progress'], dir, { CABLEKIT_NO_SEAL: '1' }).stderr;
const kept = (dir: string): string[] => readFileSync(join(dir, '.cablekit', 'search-index.sha256'), 'utf8').split('\n');

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = makeEdition();
  expect(build(dir)).toMatch(MADE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the search index', { timeout: 180_000 }, () => {
  it('is left as it is when nothing changed, and its digest file names the ledger it was read from', () => {
    expect(build(dir)).not.toMatch(MADE);
    const [digest, stamp] = kept(dir);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(stamp).toMatch(/^\d+:\d+:\d+$/);
  });

  it('is made again when a document page changed', () => {
    const tei = join(dir, 'tei', 'wilson-118686.xml');
    const before = readFileSync(tei, 'utf8');
    // A hand edit of the text: the document's page changes with it.
    const edited = before.replace(/(<body>[\s\S]*?<p[^>]*>)/, '$1Edited by hand. ');
    expect(edited).not.toBe(before);
    writeFileSync(tei, edited);
    expect(build(dir)).toMatch(MADE);
    expect(build(dir)).not.toMatch(MADE);
  });

  it('is made again when it is missing', () => {
    rmSync(join(dir, 'output', 'site', 'pagefind'), { recursive: true, force: true });
    expect(build(dir)).toMatch(MADE);
  });

  it('takes a digest file of an earlier version (the digest alone): not made again, and the ledger stamp added', () => {
    const [digest] = kept(dir);
    writeFileSync(join(dir, '.cablekit', 'search-index.sha256'), digest as string);
    expect(build(dir)).not.toMatch(MADE);
    expect(kept(dir)).toHaveLength(2);
  });

  it('trusts a kept digest only beside the stamp of the ledger it was read from', () => {
    const [, stamp] = kept(dir);
    writeFileSync(join(dir, '.cablekit', 'search-index.sha256'), `${'0'.repeat(64)}\n${stamp}`);
    // The same ledger stamp vouches for the kept digest: nothing to do (the digest file is the build's own bookkeeping).
    expect(build(dir)).not.toMatch(MADE);
    writeFileSync(join(dir, '.cablekit', 'search-index.sha256'), `${'0'.repeat(64)}\n0:0:0`);
    // Another stamp: the ledger is read, its pages' digest differs from the kept one, the index is made.
    expect(build(dir)).toMatch(MADE);
  });
});
