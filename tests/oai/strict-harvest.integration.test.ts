import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idPrefix, syncOaiStore } from '../../src/oai/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { DecodedCable } from '../../src/stage/index.js';
import { decodeTei } from '../../src/tei/index.js';
import { requireProgram } from '../support/programs.js';
import { officialSchema } from '../support/official-schemas.js';
import { corpus } from './corpus.js';
import { projectConfig } from './http-support.js';
import { responseSchema, tempDir, writeProject } from './support.js';

/** Runs a real program without blocking the event loop (the server lives in this process). */
function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Debian's Python, where python3-lxml is installed (a python3 earlier on PATH may be another one). */
const python = '/usr/bin/python3';
const client = fileURLToPath(new URL('./strict-client/strict_harvest.py', import.meta.url));
const sampleTei = fileURLToPath(new URL('../../tei/', import.meta.url));

interface Harvested {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
  root: string | null;
}

let root: string;
let server: RunningServer;
let realIds: string[];
let expected: string[];

/** The committed sample TEI files (real encoder output: they share ck-resp-1, ck-encoder, …), decoded. */
function sampleRecords(): DecodedCable[] {
  return readdirSync(sampleTei)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => {
      copyFileSync(join(sampleTei, f), join(root, 'tei', f));
      const xml = readFileSync(join(root, 'tei', f), 'utf8');
      const { cable, diagnostics } = decodeTei(xml, `tei/${f}`);
      if (!cable) throw new Error(`cannot decode ${f}: ${JSON.stringify(diagnostics)}`);
      return { cable, teiPath: `tei/${f}`, teiSha256: createHash('sha256').update(xml).digest('hex') };
    });
}

async function harvest(prefix: string): Promise<{ records: Harvested[]; dir: string }> {
  const dir = tempDir(`cablekit-strict-${prefix}-`);
  const r = await run(python, [client, `${server.url}/oai`, prefix, responseSchema(), dir]);
  expect(r.code, r.stderr).toBe(0);
  const records = r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Harvested);
  return { records, dir };
}

function pages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^page-\d+\.xml$/.test(f))
    .map((f) => join(dir, f));
}

beforeAll(async () => {
  const lxml = await run(python, ['-c', 'import lxml.etree']);
  if (lxml.code !== 0) throw new Error(`${python} cannot import lxml: this test needs Debian's python3-lxml (run: apt-get install python3-lxml)`);
  requireProgram('xmllint', 'libxml2-utils');
  requireProgram('jing', 'jing');
  root = tempDir('cablekit-strict-');
  const synthetic = writeProject(root, corpus(6));
  const real = sampleRecords();
  realIds = real.map((d) => d.cable.id);
  await syncOaiStore([...synthetic, ...real], projectConfig, root, new Date('2026-02-01T10:00:00Z'));
  // One cable leaves: its tombstone is part of every harvest.
  await syncOaiStore([...synthetic.filter((d) => d.cable.id !== 'doc-0002'), ...real], projectConfig, root, new Date('2026-02-02T10:00:00Z'));
  const live = [...synthetic, ...real].map((d) => d.cable.id).filter((id) => id !== 'doc-0002').sort();
  expected = [...live, 'doc-0002'].map((id) => `oai:edition.example.org:${id}`);
  // Pages of 3: the two real TEI records share a page, which is what broke strict harvesters.
  server = await startServer({ config: projectConfig, root, pageSize: 3 });
});

afterAll(async () => {
  await server?.close();
});

describe('a strict harvester (lxml, no recovery) over loopback', () => {
  for (const prefix of ['oai_dc', 'qdc', 'tei']) {
    it(`harvests every record in ${prefix}, following tokens, each page schema-valid`, async () => {
      const { records, dir } = await harvest(prefix);
      expect(records.map((r) => r.identifier)).toEqual(expected);
      expect(records.filter((r) => r.deleted).map((r) => r.identifier)).toEqual(['oai:edition.example.org:doc-0002']);
      const roots = new Set(records.filter((r) => !r.deleted).map((r) => r.root));
      const root = { oai_dc: '{http://www.openarchives.org/OAI/2.0/oai_dc/}dc', qdc: '{http://dspace.org/qualifieddc/}qualifieddc', tei: '{http://www.tei-c.org/ns/1.0}TEI' }[prefix];
      expect([...roots]).toEqual([root]);
      // libxml2 itself, without recovery: every page parses with no message at all.
      const files = pages(dir);
      expect(files.length).toBeGreaterThan(2);
      const lint = await run('xmllint', ['--nonet', '--noout', ...files]);
      expect(lint.stderr).toBe('');
      expect(lint.code).toBe(0);
    });
  }

  it('the TEI records it receives are valid TEI (jing, tei_all) with their ids scoped', async () => {
    const { dir } = await harvest('tei');
    const teiFiles = realIds.map((id) => join(dir, `${id}.xml`));
    const jing = await run('jing', [officialSchema('tei_all.rng'), ...teiFiles]);
    // Debian's jing wrapper warns on stderr about optional jars it does not find; errors go to stdout.
    expect(jing.stdout).toBe('');
    expect(jing.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('[warning]'))).toEqual([]);
    expect(jing.code).toBe(0);
    for (const id of realIds) {
      const ids = [...readFileSync(join(dir, `${id}.xml`), 'utf8').matchAll(/xml:id="([^"]*)"/g)].map((m) => m[1] as string);
      expect(ids[0]).toBe(id);
      for (const other of ids.slice(1)) expect(other.startsWith(idPrefix(id))).toBe(true);
    }
  });

  it('would fail on the unscoped page: the check can fail (xmllint reports the duplicate ids)', async () => {
    const { dir } = await harvest('tei');
    const page = pages(dir).find((f) => realIds.every((id) => readFileSync(f, 'utf8').includes(`xml:id="${id}"`)));
    expect(page, 'a page holding both sample TEI records').toBeDefined();
    let unscoped = readFileSync(page as string, 'utf8');
    for (const id of realIds) unscoped = unscoped.split(idPrefix(id)).join('');
    const file = join(dir, 'unscoped.xml');
    writeFileSync(file, unscoped);
    // xmllint reports the duplicate as a validity error (its exit status stays 0, hence the stderr checks above) …
    const lint = await run('xmllint', ['--nonet', '--noout', file]);
    expect(lint.stderr).toMatch(/ID ck-resp-1 already defined/);
    // … and lxml, the parser of pyoai and of the strict client, refuses the page outright.
    const strict = await run(python, ['-c', 'import sys\nfrom lxml import etree\netree.parse(sys.argv[1], etree.XMLParser(recover=False))', file]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/XMLSyntaxError: ID ck-resp-1 already defined/);
  });
});
