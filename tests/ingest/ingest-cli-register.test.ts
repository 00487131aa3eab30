/**
 * `cablekit ingest` reads pages with the same name register as `cablekit build`: the edition's own
 * (from the config in the current folder or --config) before cablekit's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, makeEdition, runCli } from '../cli/cli-harness.js';

const SEED = 'sources/001_3473856850622fa9.txt';
// A bare "Kim" is ambiguous for cablekit's register; the edition says who it is in its documents.
const REGISTER = 'key,kind,name,variants,wikidata,checked\nkim-il-sung-ed,person,Kim,,Q41117,the editors (test)\n';

interface Entity {
  id: string;
  name: string;
  authority?: { scheme: string; id: string }[];
}

interface Outcome {
  path: string;
  cable: { entities: Entity[] } | null;
}

function entityNamedKim(stdout: string): Entity | undefined {
  const [outcome] = JSON.parse(stdout) as Outcome[];
  return outcome?.cable?.entities.find((e) => e.name === 'Kim');
}

describe('cablekit ingest and the edition register', () => {
  const dirs: string[] = [];
  let edition: string;
  beforeAll(() => {
    assertCliBuilt();
    edition = makeEdition();
    dirs.push(edition);
    writeFileSync(join(edition, 'names.csv'), REGISTER);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('uses the register of the config in the current folder, as build does', () => {
    const ingested = runCli(['ingest', '--json', '--no-progress', SEED], edition);
    expect(ingested.status, ingested.stderr).toBe(0);
    expect(entityNamedKim(ingested.stdout)?.authority).toEqual([{ scheme: 'wikidata', id: 'Q41117' }]);

    const built = runCli(['build', '--no-progress', '--jobs', '1'], edition);
    expect(built.status, built.stderr).toBe(0);
    const tei = readFileSync(join(edition, 'tei', 'prc-fma-106-01479-08-85-88.xml'), 'utf8');
    const entity = entityNamedKim(ingested.stdout)!;
    // The same entity, under the same id, in the TEI the build wrote.
    expect(tei).toContain(`<persName ref="#${entity.id}">Kim</persName>`);
  });

  it('uses the register of --config from another folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cablekit-ingest-'));
    dirs.push(elsewhere);
    const page = join(edition, SEED);
    const withConfig = runCli(['ingest', '--json', '--no-progress', '--config', join(edition, 'cablekit.config.json'), page], elsewhere);
    expect(withConfig.status, withConfig.stderr).toBe(0);
    expect(entityNamedKim(withConfig.stdout)?.authority).toEqual([{ scheme: 'wikidata', id: 'Q41117' }]);

    // No config here: only cablekit's register, which leaves a bare "Kim" unmarked.
    const without = runCli(['ingest', '--json', '--no-progress', page], elsewhere);
    expect(without.status, without.stderr).toBe(0);
    expect(entityNamedKim(without.stdout)).toBeUndefined();
  });

  it('reports a wrong register entry once and fails, still printing every page', () => {
    const broken = makeEdition();
    dirs.push(broken);
    writeFileSync(join(broken, 'names.csv'), `${REGISTER}bad,person,Bad,,not-a-qid,me\n`);
    const result = runCli(['ingest', '--json', '--no-progress', 'sources'], broken);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/names\/register-entry/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/^names\.csv:3\S* error names\/register-entry /m);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
  });
});
