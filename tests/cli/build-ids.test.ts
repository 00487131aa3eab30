import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLLIDING_PAGES, pageFiles } from '../build/colliding-ids.js';
import { assertCliBuilt, runCli } from './cli-harness.js';

interface Report {
  summary: { documents: number; failed: number; errors: number };
  documents: { sourcePath: string | null; documentId: string | null; diagnostics: { code: string }[] }[];
}

const dirs: string[] = [];
beforeAll(assertCliBuilt);
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An edition holding only the colliding pages, built by the real CLI; ids per text key. */
function buildWithCli(reversed: boolean): { ids: Map<string, (string | null)[]>; report: Report; tei: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-cli-ids-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'sources'));
  const files = pageFiles(reversed);
  for (const f of files) writeFileSync(join(dir, 'sources', f.name), f.text);
  writeFileSync(join(dir, 'cablekit.config.json'), JSON.stringify({ sourcesDir: 'sources', teiDir: 'tei', outputDir: 'output', baseUrl: 'http://127.0.0.1:8080' }));
  const run = runCli(['build', '--report', 'report.json', '--no-progress', '--quiet'], dir);
  expect(run.stderr).not.toMatch(/duplicate-id|at .*\.js:\d+/);
  expect(run.status).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
  const ids = new Map<string, (string | null)[]>();
  for (const f of files) {
    const doc = report.documents.find((d) => d.sourcePath === `sources/${f.name}`);
    ids.set(f.key, [...(ids.get(f.key) ?? []), doc?.documentId ?? null].sort());
  }
  const tei = readdirSync(join(dir, 'tei')).filter((n) => n.endsWith('.xml')).sort();
  return { ids, report, tei };
}

describe('cablekit build: colliding titles and archive references (end to end)', { timeout: 300_000 }, () => {
  it('writes every distinct page in both file orders, under the same ids', () => {
    const forward = buildWithCli(false);
    const backward = buildWithCli(true);
    const distinct = Object.keys(COLLIDING_PAGES).length;
    for (const { report, tei } of [forward, backward]) {
      expect(report.summary).toMatchObject({ failed: 0, errors: 0 });
      expect(tei).toHaveLength(distinct);
      const codes = report.documents.flatMap((d) => d.diagnostics.map((x) => x.code));
      expect(codes.filter((c) => c === 'ingest/duplicate-page')).toHaveLength(1);
      expect(codes.filter((c) => c === 'ingest/id-collision')).toHaveLength(2);
    }
    expect(backward.tei).toEqual(forward.tei);
    expect([...backward.ids.entries()].sort()).toEqual([...forward.ids.entries()].sort());
  });
});
