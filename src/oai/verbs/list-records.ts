import { parseOaiDate } from '../datestamp.js';
import { disseminate } from '../disseminate.js';
import { isMetadataPrefix } from '../metadata-formats.js';
import { METADATA_PREFIX_SYNTAX, SET_SPEC_SYNTAX } from '../oai-arguments.js';
import type { OaiRepository } from '../oai-repository.js';
import type { OaiSettings } from '../oai-settings.js';
import { headerXml, recordXml, resumptionTokenXml } from '../oai-xml.js';
import { decodeToken, encodeToken, type TokenState } from '../resumption-token.js';
import type { PageRecord, Position, Selection } from '../store/oai-store.js';
import { only, type VerbResult } from './verb-result.js';

type ListVerb = 'ListIdentifiers' | 'ListRecords';

interface ListQuery {
  metadataPrefix: string;
  set?: string;
  from?: string;
  until?: string;
  after?: Position;
  completeListSize?: number;
  cursor?: number;
}

const badArgument = (message: string): VerbResult => ({ errors: [{ code: 'badArgument', message }], echo: {} });

/** The query of a first request, or the error its arguments deserve. */
function queryFromArguments(args: Record<string, string>): ListQuery | VerbResult {
  const query: ListQuery = { metadataPrefix: args.metadataPrefix as string };
  const from = args.from !== undefined ? parseOaiDate(args.from, 'from') : undefined;
  const until = args.until !== undefined ? parseOaiDate(args.until, 'until') : undefined;
  if (args.from !== undefined && !from) return badArgument('The from argument is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).');
  if (args.until !== undefined && !until) return badArgument('The until argument is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).');
  if (from && until && from.granularity !== until.granularity) return badArgument('The from and until arguments have different granularities.');
  if (from && until && from.bound > until.bound) return badArgument('The from argument is later than the until argument.');
  if (args.set !== undefined && !SET_SPEC_SYNTAX.test(args.set)) return badArgument('The set argument is not a valid setSpec.');
  if (!METADATA_PREFIX_SYNTAX.test(query.metadataPrefix)) return badArgument('The metadataPrefix argument is not a valid metadata prefix.');
  if (from) query.from = from.bound;
  if (until) query.until = until.bound;
  if (args.set !== undefined) query.set = args.set;
  return query;
}

/** Records per page: TEI documents are far larger than DC records, so their pages may be shorter. */
function pageSizeOf(verb: ListVerb, prefix: string, settings: OaiSettings): number {
  return verb === 'ListRecords' && prefix === 'tei' && settings.teiPageSize !== undefined ? settings.teiPageSize : settings.pageSize;
}

/** ListIdentifiers and ListRecords: keyset pages from the store, stateless tokens. */
export async function listRecords(verb: ListVerb, args: Record<string, string>, repo: OaiRepository, settings: OaiSettings): Promise<VerbResult> {
  const resumed = args.resumptionToken !== undefined;
  let query: ListQuery;
  if (resumed) {
    const state = decodeToken(args.resumptionToken as string, verb, repo.store.tokenKey);
    if (!state) return { errors: [{ code: 'badResumptionToken', message: 'The resumption token is not valid.' }], echo: {} };
    query = state;
  } else {
    const parsed = queryFromArguments(args);
    if ('errors' in parsed || 'body' in parsed) return parsed;
    query = parsed;
  }
  if (!isMetadataPrefix(query.metadataPrefix)) {
    return {
      errors: [{ code: 'cannotDisseminateFormat', message: 'That metadata format is not supported; see ListMetadataFormats.' }],
      echo: only(args, ['from', 'until', 'set']),
    };
  }
  const prefix = query.metadataPrefix;
  if (query.set !== undefined && (await repo.store.sets()).length === 0) {
    return { errors: [{ code: 'noSetHierarchy', message: 'The repository holds no records, so it has no sets.' }], echo: only(args, ['metadataPrefix', 'from', 'until']) };
  }
  const selection: Selection = {};
  if (query.set !== undefined) selection.set = query.set;
  if (query.from !== undefined) selection.from = query.from;
  if (query.until !== undefined) selection.until = query.until;
  const pageSize = pageSizeOf(verb, prefix, settings);
  // One record more than a page tells whether another page follows, without counting. Both DC
  // formats come serialized from the store (a page is one keyset query and concatenation); TEI
  // is read from its file and its ids scoped to the record.
  const stored = verb === 'ListRecords' && prefix !== 'tei' ? prefix : undefined;
  const fetched = await repo.store.page(selection, query.after, pageSize + 1, stored);
  if (fetched.length === 0) {
    return { errors: [{ code: 'noRecordsMatch', message: 'No records match the request.' }], echo: resumed ? {} : args };
  }
  const more = fetched.length > pageSize;
  const count = more ? pageSize : fetched.length;
  // The page in parts: the stored metadata strings are never copied into one long string.
  const parts: string[] = [`<${verb}>\n`];
  for (let n = 0; n < count; n++) {
    const r = fetched[n] as PageRecord;
    if (verb === 'ListIdentifiers') parts.push(headerXml(r, settings.repositoryIdentifier) + '\n');
    else if (r.deleted) parts.push(recordXml(r, settings.repositoryIdentifier, undefined));
    else if (stored !== undefined && r.metadata !== undefined) parts.push(`<record>${headerXml(r, settings.repositoryIdentifier)}<metadata>`, r.metadata, '</metadata></record>\n');
    else parts.push(recordXml(r, settings.repositoryIdentifier, stored !== undefined || r.teiPath === undefined ? undefined : disseminate(repo, { id: r.id, teiPath: r.teiPath }, prefix)));
  }
  const page = fetched.slice(0, count);
  let token = '';
  if (more || resumed) {
    // Counted once per harvest (first page, or a version 1 token), then carried in the token.
    const completeListSize = query.completeListSize ?? (await repo.store.count(selection));
    const cursor = query.cursor ?? (query.after ? await repo.store.count(selection, query.after) : 0);
    const last = page[page.length - 1];
    if (more && last) {
      const state: TokenState = {
        verb,
        metadataPrefix: prefix,
        after: { datestamp: last.datestamp, id: last.id },
        completeListSize,
        cursor: cursor + page.length,
      };
      if (query.set !== undefined) state.set = query.set;
      if (query.from !== undefined) state.from = query.from;
      if (query.until !== undefined) state.until = query.until;
      token = resumptionTokenXml(encodeToken(state, repo.store.tokenKey), completeListSize, cursor);
    } else {
      // The last page of a resumed list carries an empty token: the harvest is complete.
      token = resumptionTokenXml('', completeListSize, cursor);
    }
  }
  parts.push(token, `</${verb}>\n`);
  return { body: parts };
}
