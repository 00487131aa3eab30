import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleOaiRequest, oaiSettingsFromConfig, repositoryFromData, type OaiRecord } from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { errorCodes, identifiers, params, resumptionToken } from './support.js';

const DAYS = ['2026-01-01', '2026-01-02', '2026-01-03'];
const TIMES = ['00:00:00', '08:30:00', '23:59:59'];
const SETS = ['archive:a', 'archive:b', 'year:1965', 'type:cable'];

const recordArb = fc.record({
  day: fc.constantFrom(...DAYS),
  time: fc.constantFrom(...TIMES),
  sets: fc.subarray(SETS),
  deleted: fc.boolean(),
});

/**
 * Whatever the store and the query, following the tokens gives exactly the records a brute-force
 * filter gives, in (datestamp, id) order, once each, with cursor and completeListSize consistent.
 */
describe('paging (property)', () => {
  it('matches a brute-force selection for any store, query and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 40 }),
        fc.option(fc.constantFrom('archive', ...SETS), { nil: undefined }),
        fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
        fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, set, from, until, pageSize) => {
          const records: OaiRecord[] = specs.map((s, i) => ({
            id: `doc-${String(i).padStart(3, '0')}`,
            datestamp: `${s.day}T${s.time}Z`,
            hash: String(i),
            deleted: s.deleted,
            sets: s.sets.map((spec) => ({ spec, name: spec })),
          }));
          const repo = repositoryFromData({ tokenKey: 'k', records }, '/nonexistent');
          const settings = { ...oaiSettingsFromConfig(testConfig), pageSize };
          const expected = records
            .filter((r) => set === undefined || r.sets.some((s) => s.spec === set || s.spec.startsWith(`${set}:`)))
            .filter((r) => from === undefined || r.datestamp >= `${from}T00:00:00Z`)
            .filter((r) => until === undefined || r.datestamp <= `${until}T23:59:59Z`)
            .sort((a, b) => (a.datestamp === b.datestamp ? (a.id < b.id ? -1 : 1) : a.datestamp < b.datestamp ? -1 : 1))
            .map((r) => `oai:edition.example.org:${r.id}`);
          const first: [string, string][] = [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc']];
          if (set !== undefined) first.push(['set', set]);
          if (from !== undefined) first.push(['from', from]);
          if (until !== undefined) first.push(['until', until]);
          let xml = (await handleOaiRequest(params(first), repo, settings, new Date())).xml;
          if (from !== undefined && until !== undefined && from > until) {
            expect(errorCodes(xml)).toEqual(['badArgument']);
            return;
          }
          if (set !== undefined && records.every((r) => r.sets.length === 0)) {
            expect(errorCodes(xml)).toEqual(['noSetHierarchy']);
            return;
          }
          if (expected.length === 0) {
            expect(errorCodes(xml)).toEqual(['noRecordsMatch']);
            return;
          }
          const got: string[] = [];
          for (let page = 0; page <= expected.length; page++) {
            expect(errorCodes(xml)).toEqual([]);
            const tok = resumptionToken(xml);
            if (tok) {
              expect(tok.cursor).toBe(got.length);
              expect(tok.completeListSize).toBe(expected.length);
            }
            got.push(...identifiers(xml));
            if (!tok || tok.token === '') break;
            xml = (await handleOaiRequest(params([['verb', 'ListIdentifiers'], ['resumptionToken', tok.token]]), repo, settings, new Date())).xml;
          }
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
