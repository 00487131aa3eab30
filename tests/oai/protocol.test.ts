import { beforeAll, describe, expect, it } from 'vitest';
import { emptyStoreData, handleOaiRequest, repositoryFromData, syncStoreData, type OaiRepository } from '../../src/oai/index.js';
import { oaiSettingsFromConfig } from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { corpus } from './corpus.js';
import { datestamps, errorCodes, identifiers, params, requestElement, resumptionToken, tempDir, validateResponse, writeProject } from './support.js';

const settings = { ...oaiSettingsFromConfig(testConfig), pageSize: 10 };
const now = new Date('2026-03-01T10:20:30.456Z');
const synced = new Date('2026-02-01T08:00:00Z');
let repo: OaiRepository;

async function ask(entries: [string, string][]): Promise<string> {
  const { status, xml } = await handleOaiRequest(params(entries), repo, settings, now);
  expect(status).toBe(200);
  expect(validateResponse(xml)).toEqual([]);
  return xml;
}

beforeAll(() => {
  const root = tempDir('cablekit-oai-proto-');
  const decoded = writeProject(root, corpus(25));
  const { data } = syncStoreData(emptyStoreData(), decoded, testConfig, synced);
  repo = repositoryFromData(data, root);
});

describe('Identify', () => {
  it('describes the repository with UTC dates, persistent deletions and the oai-identifier scheme', async () => {
    const xml = await ask([['verb', 'Identify']]);
    expect(xml).toContain('<responseDate>2026-03-01T10:20:30Z</responseDate>');
    expect(xml).toContain('<request verb="Identify">https://edition.example.org/oai</request>');
    expect(xml).toContain('<earliestDatestamp>2026-02-01T08:00:00Z</earliestDatestamp>');
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(xml).toContain('<repositoryIdentifier>edition.example.org</repositoryIdentifier>');
    expect(xml).toContain('<sampleIdentifier>oai:edition.example.org:doc-0000</sampleIdentifier>');
  });
});

describe('ListMetadataFormats, ListSets, GetRecord', () => {
  it('lists oai_dc, qualified DC and TEI, for the repository and for an item', async () => {
    for (const xml of [await ask([['verb', 'ListMetadataFormats']]), await ask([['verb', 'ListMetadataFormats'], ['identifier', 'oai:edition.example.org:doc-0001']])]) {
      expect([...xml.matchAll(/<metadataPrefix>([^<]+)</g)].map((m) => m[1])).toEqual(['oai_dc', 'qdc', 'tei']);
    }
  });

  it('lists archive, year and type sets under their parents', async () => {
    const specs = [...(await ask([['verb', 'ListSets']])).matchAll(/<setSpec>([^<]+)</g)].map((m) => m[1]);
    expect(specs).toEqual(['archive', 'archive:avprf', 'archive:prc-fma', 'type', 'type:cable', 'type:memorandum-of-conversation', 'year', 'year:1964', 'year:1965', 'year:1966']);
  });

  it('gives a record in each format', async () => {
    const id = 'oai:edition.example.org:doc-0003';
    const dc = await ask([['verb', 'GetRecord'], ['identifier', id], ['metadataPrefix', 'oai_dc']]);
    expect(dc).toContain('<dc:title xml:lang="en">Cable number 3</dc:title>');
    expect(dc).toContain('<setSpec>archive:prc-fma</setSpec><setSpec>year:1964</setSpec><setSpec>type:memorandum-of-conversation</setSpec>');
    expect(await ask([['verb', 'GetRecord'], ['identifier', id], ['metadataPrefix', 'qdc']])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1964-04-15</dcterms:created>');
    const tei = await ask([['verb', 'GetRecord'], ['identifier', id], ['metadataPrefix', 'tei']]);
    expect(tei).toContain('<metadata><TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-0003">');
    expect(tei).not.toMatch(/<metadata><\?xml/);
  });
});

describe('ListRecords and ListIdentifiers paging', () => {
  it('pages with cursor and completeListSize, and ends with an empty token', async () => {
    let xml = await ask([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc']]);
    const seen: string[] = [];
    const cursors: number[] = [];
    for (let page = 0; page < 10; page++) {
      seen.push(...identifiers(xml));
      const tok = resumptionToken(xml);
      if (!tok) throw new Error('every page of a multi-page list has a token');
      cursors.push(tok.cursor);
      expect(tok.completeListSize).toBe(26);
      if (tok.token === '') break;
      xml = await ask([['verb', 'ListRecords'], ['resumptionToken', tok.token]]);
    }
    expect(cursors).toEqual([0, 10, 20]);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
  });

  it('answers the same token with the same page (idempotent)', async () => {
    const tok = resumptionToken(await ask([['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc']]))?.token ?? '';
    const a = await ask([['verb', 'ListIdentifiers'], ['resumptionToken', tok]]);
    const b = await ask([['verb', 'ListIdentifiers'], ['resumptionToken', tok]]);
    expect(identifiers(a)).toEqual(identifiers(b));
    expect(identifiers(a)).toHaveLength(10);
  });

  it('accepts a token days after it was issued (tokens do not expire)', async () => {
    const tok = resumptionToken(await ask([['verb', 'ListRecords'], ['metadataPrefix', 'qdc']]))?.token ?? '';
    const later = new Date(now.getTime() + 3 * 24 * 3600 * 1000);
    const { xml } = await handleOaiRequest(params([['verb', 'ListRecords'], ['resumptionToken', tok]]), repo, settings, later);
    expect(errorCodes(xml)).toEqual([]);
    expect(resumptionToken(xml)?.cursor).toBe(10);
  });

  it('selects by set, parent set included', async () => {
    const xml = await ask([['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['set', 'archive:avprf']]);
    expect(identifiers(xml)).toEqual(['doc-0000', 'doc-0004', 'doc-0008', 'doc-0012', 'doc-0016', 'doc-0020', 'doc-0024'].map((i) => `oai:edition.example.org:${i}`));
    expect(resumptionToken(xml)).toBeUndefined();
    expect(resumptionToken(await ask([['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['set', 'archive']]))?.completeListSize).toBe(25);
  });

  it('selects by from/until at both granularities, inclusive', async () => {
    const inDay = await ask([['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['from', '2026-02-01'], ['until', '2026-02-01']]);
    expect(resumptionToken(inDay)?.completeListSize).toBe(26);
    const atSecond = await ask([['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['from', '2026-02-01T08:00:00Z'], ['until', '2026-02-01T08:00:00Z']]);
    expect(resumptionToken(atSecond)?.completeListSize).toBe(26);
    expect(datestamps(atSecond).every((d) => d === '2026-02-01T08:00:00Z')).toBe(true);
  });
});

describe('protocol errors', () => {
  const cases: [string, [string, string][], string][] = [
    ['no verb', [], 'badVerb'],
    ['unknown verb', [['verb', 'Frobnicate']], 'badVerb'],
    ['repeated verb', [['verb', 'Identify'], ['verb', 'Identify']], 'badVerb'],
    ['illegal argument', [['verb', 'Identify'], ['foo', 'bar']], 'badArgument'],
    ['repeated argument', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['metadataPrefix', 'oai_dc']], 'badArgument'],
    ['missing metadataPrefix', [['verb', 'ListRecords']], 'badArgument'],
    ['missing identifier', [['verb', 'GetRecord'], ['metadataPrefix', 'oai_dc']], 'badArgument'],
    ['token with other arguments', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['resumptionToken', 'x']], 'badArgument'],
    ['impossible date', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '1965-13-45']], 'badArgument'],
    ['finer granularity than supported', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2026-02-01T08:00:00.5Z']], 'badArgument'],
    ['date without Z', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['until', '2026-02-01T08:00:00']], 'badArgument'],
    ['mixed granularity', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2026-01-01'], ['until', '2026-02-01T08:00:00Z']], 'badArgument'],
    ['from after until', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2026-02-02'], ['until', '2026-02-01']], 'badArgument'],
    ['empty argument', [['verb', 'ListRecords'], ['metadataPrefix', '']], 'badArgument'],
    ['bad set syntax', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['set', 'a b']], 'badArgument'],
    ['garbage token', [['verb', 'ListRecords'], ['resumptionToken', 'garbage']], 'badResumptionToken'],
    ['token for ListSets', [['verb', 'ListSets'], ['resumptionToken', 'abc']], 'badResumptionToken'],
    ['unknown format', [['verb', 'ListRecords'], ['metadataPrefix', 'marc21']], 'cannotDisseminateFormat'],
    ['unknown format for a record', [['verb', 'GetRecord'], ['identifier', 'oai:edition.example.org:doc-0001'], ['metadataPrefix', 'marc21']], 'cannotDisseminateFormat'],
    ['unknown identifier', [['verb', 'GetRecord'], ['identifier', 'oai:nowhere:x"y'], ['metadataPrefix', 'oai_dc']], 'idDoesNotExist'],
    ['unknown identifier for formats', [['verb', 'ListMetadataFormats'], ['identifier', 'oai:edition.example.org:nope']], 'idDoesNotExist'],
    ['nothing before', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['until', '1900-01-01']], 'noRecordsMatch'],
    ['unknown set', [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['set', 'year:1800']], 'noRecordsMatch'],
  ];
  for (const [label, entries, code] of cases) {
    it(`${label} → ${code}`, async () => {
      expect(errorCodes(await ask(entries))).toEqual([code]);
    });
  }

  it('never echoes arguments after badVerb or badArgument, nor the offending argument otherwise', async () => {
    expect(requestElement(await ask([['verb', 'Frobnicate']]))).toBe('<request>https://edition.example.org/oai</request>');
    expect(requestElement(await ask([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '"><x/>']]))).toBe('<request>https://edition.example.org/oai</request>');
    const cdf = requestElement(await ask([['verb', 'GetRecord'], ['identifier', 'oai:edition.example.org:doc-0001'], ['metadataPrefix', 'marc21']]));
    expect(cdf).not.toContain('marc21');
    expect(cdf).toContain('identifier="oai:edition.example.org:doc-0001"');
    expect(requestElement(await ask([['verb', 'ListRecords'], ['resumptionToken', 'garbage']]))).not.toContain('garbage');
  });

  it('rejects forged and truncated tokens', async () => {
    const tok = resumptionToken(await ask([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc']]))?.token ?? '';
    const [body, mac] = tok.split('.') as [string, string];
    const forgedBody = Buffer.from(Buffer.from(body, 'base64url').toString().replace('doc-0009', 'doc-0001')).toString('base64url');
    for (const bad of [tok.slice(0, -3), tok.slice(0, 20), `${forgedBody}.${mac}`, `${body}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`]) {
      expect(errorCodes(await ask([['verb', 'ListRecords'], ['resumptionToken', bad]]))).toEqual(['badResumptionToken']);
    }
    // A ListRecords token is not a ListIdentifiers token.
    expect(errorCodes(await ask([['verb', 'ListIdentifiers'], ['resumptionToken', tok]]))).toEqual(['badResumptionToken']);
  });

  it('answers ListSets of an empty repository with noSetHierarchy', async () => {
    const empty = repositoryFromData(emptyStoreData(), tempDir('cablekit-empty-'));
    const { xml } = await handleOaiRequest(params([['verb', 'ListSets']]), empty, settings, now);
    expect(errorCodes(xml)).toEqual(['noSetHierarchy']);
    expect(validateResponse(xml)).toEqual([]);
  });
});
