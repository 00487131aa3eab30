import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pipelineDeps } from '../../src/cli/pipeline-deps.js';
import { DEFAULT_CONFIG, type CablekitConfig } from '../../src/config/config.js';
import { runBuild } from '../../src/pipeline/index.js';
import { readNameRegister } from '../../src/pipeline/read-name-register.js';
import { parseRegisterTei } from '../../src/tei/index.js';
import { authorityFromUri, authorityUri } from '../../src/names/index.js';

const SEED = 'sources/001_3473856850622fa9.txt';
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function edition(files: Record<string, string>): { root: string; config: CablekitConfig } {
  const root = mkdtempSync(join(tmpdir(), 'cablekit-names-'));
  roots.push(root);
  const config = { ...DEFAULT_CONFIG, sourcesDir: join(root, 'sources'), teiDir: join(root, 'tei'), outputDir: join(root, 'output') };
  mkdirSync(config.sourcesDir);
  copyFileSync(SEED, join(config.sourcesDir, 'seed.txt'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return { root, config };
}

async function build(root: string, config: CablekitConfig) {
  const deps = { ...pipelineDeps(), stages: [] };
  delete deps.syncOaiStore;
  delete deps.publishChanges;
  return runBuild({ config, rootDir: root, deps, now: '2026-01-01T00:00:00Z' });
}

const TEI_REGISTER = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <text><body>
    <listPerson>
      <person xml:id="comrade-kim">
        <persName>Kim</persName>
        <persName>Premier Kim</persName>
        <idno type="URI">http://www.wikidata.org/entity/Q42</idno>
        <note type="checked">the editor, from the minutes</note>
      </person>
      <!-- <person> in a comment does not count -->
      <person xml:id="nobody">
        <persName>Nobody</persName>
        <note type="checked">x</note>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="east-pyongyang">
        <placeName>East Pyongyang</placeName>
        <location><geo>39.03 125.78</geo></location>
        <idno type="geonames">1871859</idno>
        <note type="checked">GeoNames</note>
      </place>
    </listPlace>
  </body></text>
</TEI>
`;

describe("the edition's own register", () => {
  it('authority URIs and ids convert both ways', () => {
    for (const [scheme, id] of [['wikidata', 'Q5816'], ['viaf', '108235077'], ['gnd', '118562126'], ['geonames', '1871859']] as const) {
      expect(authorityFromUri(authorityUri(scheme, id)!)).toEqual({ scheme, id });
    }
    expect(authorityFromUri('https://www.wikidata.org/wiki/Q148')).toEqual({ scheme: 'wikidata', id: 'Q148' });
    expect(authorityFromUri('https://example.org/Q148')).toBeUndefined();
  });

  it('a TEI register is read: names, URIs and bare ids, coordinates; a bad entry is reported at its line', () => {
    const { register, problems } = parseRegisterTei(TEI_REGISTER);
    expect(register.entries.map((e) => e.key)).toEqual(['comrade-kim', 'east-pyongyang']);
    expect(register.entries[0]).toMatchObject({ kind: 'person', name: 'Kim', variants: ['Premier Kim'], authority: { wikidata: 'Q42' } });
    expect(register.entries[1]).toMatchObject({ kind: 'place', authority: { geonames: '1871859' }, coordinates: { lat: 39.03, lon: 125.78 } });
    expect(problems).toEqual([{ message: 'no authority id (wikidata, viaf, gnd or geonames).', line: 12, entry: 2 }]);
  });

  it('a TEI register that is not XML is reported with its position', () => {
    const { problems } = parseRegisterTei('<listPerson><person></listPerson>');
    expect(problems[0]?.message).toMatch(/Not well-formed/);
    expect(problems[0]?.line).toBe(1);
  });

  it('names.csv beside the config is read by the build and wins over the shipped register', async () => {
    const csv = 'key,kind,name,variants,wikidata,checked\nmy-kim,person,Kim,,Q42,editor checked the minutes\nbad,person,Bad,,Q0,me\n';
    const { root, config } = edition({ 'names.csv': csv });
    const report = await build(root, config);
    const tei = readFileSync(join(config.teiDir, report.documents[0]!.documentId + '.xml'), 'utf8');
    // The bare "Kim" the shipped register calls ambiguous is the editor's Kim here.
    expect(tei).toContain('<persName ref="#pers-my-kim">Kim</persName>');
    expect(tei).toMatch(/<person xml:id="pers-my-kim">[\s\S]*?Q42<\/idno>/);
    // Shipped entries still apply where the edition says nothing.
    expect(tei).toContain('<persName ref="#pers-mao-zedong">Mao Zedong</persName>');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'names/register-entry', severity: 'error', file: 'names.csv', line: 3 }));
  });

  it('without an edition register the build is as before: the bare "Kim" stays unmarked', async () => {
    const { root, config } = edition({});
    const report = await build(root, config);
    const tei = readFileSync(join(config.teiDir, report.documents[0]!.documentId + '.xml'), 'utf8');
    expect(tei).not.toContain('pers-my-kim');
    expect(report.diagnostics.filter((d) => d.code.startsWith('names/'))).toEqual([]);
  });

  it('namesFile points at a TEI register; a missing one is an error naming the file', async () => {
    const { root, config } = edition({ 'people.xml': TEI_REGISTER });
    const report = await build(root, { ...config, namesFile: join(root, 'people.xml') });
    const tei = readFileSync(join(config.teiDir, report.documents[0]!.documentId + '.xml'), 'utf8');
    expect(tei).toContain('<persName ref="#pers-comrade-kim">Kim</persName>');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'names/register-entry', file: 'people.xml', line: 12 }));
    const missing = readNameRegister({ namesFile: join(root, 'nope.csv') }, root);
    expect(missing.register).toBeUndefined();
    expect(missing.diagnostics).toEqual([expect.objectContaining({ code: 'names/register-unreadable', severity: 'error', file: 'nope.csv' })]);
  });
});
