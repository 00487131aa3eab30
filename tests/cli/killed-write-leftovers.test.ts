import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

describe('temp files a killed write left', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are removed by the next build, reported, and never taken for an output or a hand edit', () => {
    assertCliBuilt();
    dir = makeEdition();
    expect(runCli(['build', '--no-progress'], dir).status).toBe(0);
    const id = readdirSync(join(dir, 'output', 'iiif')).find((n) => !n.endsWith('.json'))!;
    const leftovers = [
      join(dir, 'output', 'iiif', id, 'manifest.json.2998829218'),
      join(dir, 'output', 'dc', 'new-doc.qdc.xml.77'),
      join(dir, 'tei', 'wilson-118686.xml.123456'),
    ];
    for (const f of leftovers) writeFileSync(f, '<half');
    // As a killed build leaves them: with its run marker (a run that ended removes it, and the next
    // run then does not walk the folders for leftovers).
    writeFileSync(join(dir, '.cablekit', 'build-running'), '12345\n');
    const run = runCli(['build', '--no-progress', '--report', 'report.json'], dir);
    expect(run.status, run.stderr).toBe(0);
    for (const f of leftovers) expect(existsSync(f), f).toBe(false);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { diagnostics: { code: string; file?: string }[]; documents: { diagnostics: { code: string }[] }[] };
    expect(report.diagnostics.filter((d) => d.code === 'build/temp-file-removed').map((d) => d.file).sort()).toEqual(
      ['output/dc/new-doc.qdc.xml.77', `output/iiif/${id}/manifest.json.2998829218`, 'tei/wilson-118686.xml.123456'].sort(),
    );
    expect(report.documents.flatMap((d) => d.diagnostics.map((x) => x.code))).not.toContain('build/tei-hand-edited');
  }, 240_000);

  it('a file in the TEI folder that only looks like one (no file it would become) is left alone', () => {
    const lookalike = join(dir, 'tei', 'notes.txt.2');
    writeFileSync(lookalike, 'my notes');
    expect(runCli(['build', '--no-progress'], dir).status).toBe(0);
    expect(readFileSync(lookalike, 'utf8')).toBe('my notes');
  }, 240_000);
});
