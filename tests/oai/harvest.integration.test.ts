import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { corpus } from './corpus.js';
import { buildProject, projectConfig } from './http-support.js';
import { xmllintProblems } from '../support/official-schemas.js';
import { requireProgram } from '../support/programs.js';
import { errorCodes, resumptionToken, tempDir, validateResponse } from './support.js';

/** Runs a real program without blocking the event loop (the server lives in this process). */
function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: () => true, trimValues: true });

/** The DC values of an oai_dc record, by element name: what "the same record" means across serialisations. */
function dcValues(xml: string): Record<string, string[]> {
  const doc = parser.parse(xml) as { dc?: Record<string, unknown[]>[] };
  const out: Record<string, string[]> = {};
  for (const [name, items] of Object.entries(doc.dc?.[0] ?? {})) out[name] = items.map(String);
  return out;
}

const t1 = new Date('2026-01-10T09:00:00Z');
const t2 = new Date('2026-01-20T09:00:00Z');
const cables = corpus(12);
const ids = cables.map((c) => c.id);
let root: string;
let server: RunningServer;
let oai: string;

function builtOaiDc(id: string): Record<string, string[]> {
  return dcValues(readFileSync(join(root, 'output', 'dc', `${id}.oai_dc.xml`), 'utf8'));
}

function catmandu(args: string[]): Promise<Record<string, unknown>[]> {
  return run('catmandu', ['convert', 'OAI', '--url', oai, ...args, 'to', 'JSON', '--line_delimited', '1']).then((r) => {
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  });
}

/** HTTP::OAI's oai_pmh prints each record as header lines followed by its <metadata> element. */
async function oaiPmh(args: string[]): Promise<{ id: string; status: string; metadata: string }[]> {
  // -X is needed: without it the script forces metadataPrefix=oai_dc.
  const r = await run('oai_pmh', ['-X', 'ListRecords', ...args, oai]);
  expect(r.code, r.stderr).toBe(0);
  const records: { id: string; status: string; metadata: string }[] = [];
  for (const m of r.stdout.matchAll(/identifier: (\S+)\ndatestamp: \S+\nstatus: ?(\S*)\n(?:setSpec: \S+\n)*\n?(<metadata[\s\S]*?<\/metadata>)?/g)) {
    records.push({ id: m[1] as string, status: m[2] ?? '', metadata: m[3] ?? '' });
  }
  return records;
}

beforeAll(async () => {
  requireProgram('catmandu', 'libcatmandu-oai-perl');
  requireProgram('oai_pmh', 'libhttp-oai-perl');
  root = tempDir('cablekit-harvest-');
  await buildProject(root, cables, t1);
  // Small pages so every harvester follows several resumption tokens.
  server = await startServer({ config: projectConfig, root, pageSize: 5 });
  oai = `${server.url}/oai`;
});

afterAll(async () => {
  await server.close();
});

describe('harvesting over loopback with real harvesters', () => {
  it('Catmandu harvests every record, equal to the built oai_dc files', async () => {
    const records = await catmandu(['--metadataPrefix', 'oai_dc', '--handler', 'raw']);
    expect(records.map((r) => r._id)).toEqual(ids.map((id) => `oai:edition.example.org:${id}`));
    for (const r of records) {
      const id = String(r._id).split(':').pop() as string;
      expect(dcValues(String(r._metadata))).toEqual(builtOaiDc(id));
    }
  });

  it('HTTP::OAI (oai_pmh) harvests every record, equal to the built oai_dc files', async () => {
    const records = await oaiPmh(['--metadataPrefix', 'oai_dc']);
    expect(records.map((r) => r.id)).toEqual(ids.map((id) => `oai:edition.example.org:${id}`));
    for (const r of records) {
      const inner = r.metadata.replace(/^<metadata[^>]*>/, '').replace(/<\/metadata>$/, '');
      expect(dcValues(inner)).toEqual(builtOaiDc(r.id.split(':').pop() as string));
    }
  });

  it('Catmandu harvests a set, and the qualified DC and TEI formats', async () => {
    const inSet = await catmandu(['--metadataPrefix', 'oai_dc', '--set', 'archive:avprf']);
    expect(inSet.map((r) => r._id)).toEqual(['doc-0000', 'doc-0004', 'doc-0008'].map((id) => `oai:edition.example.org:${id}`));
    const qdc = await catmandu(['--metadataPrefix', 'qdc', '--handler', 'raw']);
    expect(qdc).toHaveLength(13);
    expect(String(qdc[0]?._metadata)).toContain('dcterms:W3CDTF');
    const tei = await catmandu(['--metadataPrefix', 'tei', '--handler', 'raw']);
    expect(String(tei[0]?._metadata)).toBe(readFileSync(join(root, 'tei', 'doc-0000.xml'), 'utf8').replace(/^<\?xml[^>]*\?>\n/, '').trimEnd());
  });

  it('answers every verb and the protocol errors as the official schema says (xmllint, oai-pmh-bundle.xsd)', async () => {
    const cases: [string, string | undefined][] = [
      ['verb=Identify', undefined],
      ['verb=ListMetadataFormats', undefined],
      ['verb=ListSets', undefined],
      ['verb=ListRecords&metadataPrefix=oai_dc', undefined],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc', undefined],
      ['verb=GetRecord&identifier=oai:edition.example.org:doc-0001&metadataPrefix=oai_dc', undefined],
      ['verb=GetRecord&identifier=oai:edition.example.org:doc-0001&metadataPrefix=nope', 'cannotDisseminateFormat'],
      ['verb=Frobnicate', 'badVerb'],
      ['', 'badVerb'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=1965-13-45', 'badArgument'],
      ['verb=GetRecord&identifier=oai:nowhere:x%22y&metadataPrefix=oai_dc', 'idDoesNotExist'],
      ['verb=ListRecords&resumptionToken=garbage', 'badResumptionToken'],
      ['verb=ListRecords&metadataPrefix=oai_dc&until=1900-01-01', 'noRecordsMatch'],
    ];
    const file = join(root, 'response.xml');
    for (const [query, expected] of cases) {
      const body = await (await fetch(`${oai}?${query}`)).text();
      writeFileSync(file, body);
      expect(xmllintProblems('oai-pmh-bundle.xsd', file), query).toEqual([]);
      expect(errorCodes(body), query).toEqual(expected ? [expected] : []);
      expect(/<responseDate>[^<]+Z<\/responseDate>/.test(body), query).toBe(true);
    }
  });

  it('every response validates against the official OAI-PMH schema, over GET and POST', async () => {
    const requests: string[] = [
      'verb=Identify',
      'verb=ListMetadataFormats',
      'verb=ListSets',
      'verb=GetRecord&identifier=oai:edition.example.org:doc-0001&metadataPrefix=tei',
      'verb=ListIdentifiers&metadataPrefix=qdc&set=year:1965',
      'verb=Nope',
      'verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-10T09:00:00Z',
      'verb=ListRecords&resumptionToken=forged.token',
    ];
    for (const prefix of ['oai_dc', 'qdc', 'tei']) {
      for (const verb of ['ListRecords', 'ListIdentifiers']) {
        let query = `verb=${verb}&metadataPrefix=${prefix}`;
        for (let page = 0; page < 10; page++) {
          requests.push(query);
          const res = await fetch(`${oai}?${query}`);
          const tok = resumptionToken(await res.text());
          if (!tok || tok.token === '') break;
          query = `verb=${verb}&resumptionToken=${encodeURIComponent(tok.token)}`;
        }
      }
    }
    for (const query of requests) {
      for (const method of ['GET', 'POST'] as const) {
        const res =
          method === 'GET'
            ? await fetch(`${oai}?${query}`)
            : await fetch(oai, { method, body: query, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
        const xml = await res.text();
        expect(validateResponse(xml), `${method} ${query}`).toEqual([]);
      }
    }
  });

  it('after a rebuild, an incremental harvest gets the changed record and the tombstone, nothing else', async () => {
    await buildProject(
      root,
      cables.filter((c) => c.id !== 'doc-0003'),
      t2,
      { 'doc-0007': ' (hand edit)' },
    );
    const fresh = await catmandu(['--metadataPrefix', 'oai_dc', '--from', '2026-01-20']);
    expect(fresh.map((r) => [r._id, r._status, r._datestamp])).toEqual([
      ['oai:edition.example.org:doc-0003', 'deleted', '2026-01-20T09:00:00Z'],
      ['oai:edition.example.org:doc-0007', '', '2026-01-20T09:00:00Z'],
    ]);
    const viaHttpOai = await oaiPmh(['--metadataPrefix', 'tei', '--from', '2026-01-20T00:00:00Z']);
    expect(viaHttpOai.map((r) => [r.id, r.status])).toEqual([
      ['oai:edition.example.org:doc-0003', 'deleted'],
      ['oai:edition.example.org:doc-0007', ''],
    ]);
    expect(viaHttpOai[1]?.metadata).toContain('(hand edit)');
    const before = await fetch(`${oai}?verb=ListIdentifiers&metadataPrefix=oai_dc&until=2026-01-19`).then((r) => r.text());
    expect(errorCodes(before)).toEqual([]);
    expect(resumptionToken(before)?.completeListSize).toBe(11);
  });
});
