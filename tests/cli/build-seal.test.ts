import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli, type CliResult } from './cli-harness.js';

/**
 * The seal of a build that found nothing to do (src/pipeline/run-seal.ts): the next build with
 * nothing to do says the same without redoing the work, and any change to what a build reads or
 * writes sends it back to a full build.
 */

const SEALED = /build\/nothing-changed/;
const REPO = resolve(import.meta.dirname, '../..');

/**
 * Waits until every file is older than the seal's clock granularity (2 s): the seal trusts no file
 * changed that close to a run's start, and file change times cannot be set back.
 */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
}

/** The build's stderr without its timing, and without the one info line a sealed build adds. */
function said(result: CliResult): string {
  return result.stderr
    .replace(/ in \d+\.\d\d s$/m, '')
    .split('\n')
    .filter((line) => !SEALED.test(line))
    .join('\n');
}

const build = (dir: string, env: NodeJS.ProcessEnv = {}): CliResult => runCli(['build', '--no-progress', '-v'], dir, env);

/** A build with nothing to do once every file has settled: it seals the edition (or finds it sealed already). */
function sealedEdition(dir: string): void {
  settle();
  build(dir);
  // A build that had work to do (what the last case changed) is not sealed: the next one is.
  if (!readdirSync(join(dir, '.cablekit')).includes('run-seal.json')) {
    settle();
    build(dir);
  }
  expect(readdirSync(join(dir, '.cablekit'))).toContain('run-seal.json');
}

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  // Page images are read from images/ (none at first), so adding one must count as a change.
  dir = makeEdition({ imagesDir: 'images' });
  // An empty subfolder of sources/, there when every seal is made, for a page to be added to later.
  mkdirSync(join(dir, 'sources', 'later'));
  const first = runCli(['build', '--no-progress'], dir);
  expect(first.status, first.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a build with nothing to do', { timeout: 180_000 }, () => {
  it('is sealed, and the next one replays its report: same findings, same counts, same exit code', () => {
    sealedEdition(dir);
    const full = build(dir, { CABLEKIT_NO_SEAL: '1' });
    const sealed = build(dir);
    expect(sealed.stderr).toMatch(SEALED);
    expect(full.stderr).not.toMatch(SEALED);
    expect(sealed.status).toBe(full.status);
    expect(said(sealed)).toBe(said(full));
    expect(said(full)).toMatch(/wrote 0 files, \d+ unchanged/);
    // Without -v and with -q, as those print (the seal keeps errors apart for -q).
    for (const flags of [[], ['-q']]) {
      const plainFull = runCli(['build', '--no-progress', ...flags], dir, { CABLEKIT_NO_SEAL: '1' });
      const plainSealed = runCli(['build', '--no-progress', ...flags], dir);
      expect(said(plainSealed)).toBe(said(plainFull));
      expect(plainSealed.status).toBe(plainFull.status);
    }
  });

  it('replays an error too: a held-back TEI file still fails every build until it is fixed', () => {
    const tei = join(dir, 'tei', 'wilson-118686.xml');
    const good = readFileSync(tei, 'utf8');
    writeFileSync(tei, good.replace('<body>', '<body><paragraf>typo</paragraf>'));
    const failing = build(dir);
    expect(failing.status).toBe(1);
    sealedEdition(dir);
    const sealed = build(dir);
    expect(sealed.stderr).toMatch(SEALED);
    expect(sealed.status).toBe(1);
    expect(said(sealed)).toBe(said(build(dir, { CABLEKIT_NO_SEAL: '1' })));
    expect(sealed.stderr).toMatch(/build\/tei-invalid-held-back/);
    writeFileSync(tei, good);
    const fixed = build(dir);
    expect(fixed.stderr).not.toMatch(SEALED);
    expect(fixed.status).toBe(0);
  });

  // Each change below must send the next build back to full work; each case restores what it changed.
  const changes: [string, (dir: string) => () => void][] = [
    ['a source page edited', (d) => edit(join(d, 'sources', firstSource(d)), (t) => `${t}\n`)],
    ['a source page added', (d) => add(join(d, 'sources', 'added-page.txt'), readFileSync(join(d, 'sources', firstSource(d))))],
    ['a TEI file edited by hand', (d) => edit(join(d, 'tei', 'wilson-118686.xml'), (t) => t.replace('</TEI>', '<!-- an edit --></TEI>'))],
    ['a TEI file without a source added', (d) => add(join(d, 'tei', 'extra.xml'), readFileSync(join(d, 'tei', 'wilson-118686.xml')))],
    ['an output file deleted', (d) => remove(join(d, 'output', 'iiif', 'wilson-118686', 'manifest.json'))],
    ['an output folder deleted', (d) => remove(join(d, 'output', 'dc'))],
    ['the search index deleted', (d) => remove(join(d, 'output', 'site', 'pagefind'))],
    ['a setting changed', (d) => edit(join(d, 'cablekit.config.json'), (t) => t.replace('"outputDir": "output"', '"outputDir": "output", "publisher": "Another publisher"'))],
    ['a name register added', (d) => add(join(d, 'names.csv'), 'name,kind,id\n')],
    ['the build cache removed', (d) => remove(join(d, '.cablekit', 'build-cache.sqlite'))],
    ['the outputs ledger damaged', (d) => edit(join(d, '.cablekit', 'outputs.sha256'), () => '{')],
    ['the OAI-PMH store written by something else', (d) => edit(join(d, '.cablekit', 'oai-store.sqlite'), (t) => t)],
    ['a page image added', (d) => add(join(d, 'images', 'wilson-118686', 'p1.png'), Buffer.from('not really a png'))],
    // The check lists no folder (it stats the files the sealed build listed): these show only as their folders' stamps.
    ['a source page renamed', (d) => move(join(d, 'sources', firstSource(d)), join(d, 'sources', 'zz-renamed.txt'))],
    ['a source page added to a subfolder that was there when sealed', (d) => add(join(d, 'sources', 'later', 'added-page.txt'), readFileSync(join(d, 'sources', firstSource(d))))],
  ];
  for (const [what, change] of changes) {
    it(`is done again in full after ${what}`, () => {
      sealedEdition(dir);
      const undo = change(dir);
      try {
        const after = build(dir);
        expect(after.stderr, what).not.toMatch(SEALED);
      } finally {
        // The next case's sealing build rebuilds what this one changed.
        undo();
      }
    });
  }

  it('is done again in full when a file of cablekit itself was replaced (same bytes even)', () => {
    // A copy of the built tool stands in for an installed one, so the repository's own is not touched.
    const tool = mkdtempSync(join(tmpdir(), 'cablekit-tool-'));
    try {
      for (const part of ['dist', 'schemas', 'assets', 'authority', 'package.json']) cpSync(join(REPO, part), join(tool, part), { recursive: true });
      symlinkSync(join(REPO, 'node_modules'), join(tool, 'node_modules'));
      const cli = join(tool, 'dist', 'cli', 'main.js');
      const run = (): string => spawnSync(process.execPath, [cli, 'build', '--no-progress', '-v'], { cwd: dir, encoding: 'utf8', timeout: 120_000 }).stderr;
      settle();
      run();
      expect(run()).toMatch(SEALED);
      const code = join(tool, 'dist', 'tei', 'index.js');
      writeFileSync(code, readFileSync(code));
      expect(run()).not.toMatch(SEALED);
      // A file added to cablekit's code (a stale module left by an older build, say) is a change too.
      settle();
      run();
      expect(run()).toMatch(SEALED);
      writeFileSync(join(tool, 'dist', 'tei', 'left-over.js'), 'export {};\n');
      expect(run()).not.toMatch(SEALED);
    } finally {
      rmSync(tool, { recursive: true, force: true });
      build(dir);
    }
  });

  it('is not replayed with --force or --report, nor after a build that did not end', () => {
    sealedEdition(dir);
    expect(runCli(['build', '--no-progress', '-v', '--report', join(dir, 'report.json')], dir).stderr).not.toMatch(SEALED);
    sealedEdition(dir);
    writeFileSync(join(dir, '.cablekit', 'build-running'), '1\n');
    expect(build(dir).stderr).not.toMatch(SEALED);
    sealedEdition(dir);
    expect(runCli(['build', '--no-progress', '-v', '--force'], dir).stderr).not.toMatch(SEALED);
  });
});

function firstSource(dir: string): string {
  return readdirSync(join(dir, 'sources')).filter((n) => n.endsWith('.txt')).sort()[0] as string;
}

/** Rewrites a file (its time changes even when its bytes do not); returns how to put the old bytes back. */
function edit(file: string, change: (text: string) => string): () => void {
  const old = readFileSync(file);
  const text = change(old.toString('latin1'));
  writeFileSync(file, Buffer.from(text, 'latin1'));
  return () => writeFileSync(file, old);
}

function add(file: string, bytes: string | Buffer): () => void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, bytes);
  return () => rmSync(file, { force: true });
}

/** Renames a file; returns how to rename it back. */
function move(from: string, to: string): () => void {
  renameSync(from, to);
  return () => renameSync(to, from);
}

/** Removes a file or folder; the full build that follows makes it again. */
function remove(path: string): () => void {
  rmSync(path, { recursive: true, force: true });
  return () => undefined;
}
