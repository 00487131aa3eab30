import { toDatestamp } from './datestamp.js';
import { checkArguments, type OaiParams } from './oai-arguments.js';
import type { OaiRepository } from './oai-repository.js';
import type { OaiSettings } from './oai-settings.js';
import { envelopeParts, errorsXml } from './oai-xml.js';
import { getRecord, identify, listMetadataFormats, listRecords, listSets, type VerbResult } from './verbs/index.js';

export interface OaiResponse {
  /** HTTP status: protocol errors are answered with 200 and an <error> element, as OAI-PMH expects. */
  status: number;
  /** The response document (joined from `parts` when read). */
  readonly xml: string;
  /** The same document in parts, for writing without joining (`utf8Parts`). */
  parts: readonly string[];
}

function response(parts: readonly string[]): OaiResponse {
  return {
    status: 200,
    parts,
    get xml() {
      return parts.join('');
    },
  };
}

/**
 * The OAI-PMH 2.0 protocol: request arguments, the repository and the clock in, the response
 * document out (asynchronous because the store may be a database server). Used by the HTTP server for GET and POST alike.
 */
export async function handleOaiRequest(params: OaiParams, repo: OaiRepository, settings: OaiSettings, now: Date): Promise<OaiResponse> {
  const responseDate = toDatestamp(now);
  const checked = checkArguments(params);
  if ('error' in checked) {
    return response(envelopeParts(responseDate, settings.baseUrl, {}, [errorsXml([checked.error])]));
  }
  const { verb, args } = checked;
  let result: VerbResult;
  switch (verb) {
    case 'Identify':
      result = { body: await identify(repo, settings, now) };
      break;
    case 'ListMetadataFormats':
      result = await listMetadataFormats(args, repo, settings);
      break;
    case 'ListSets':
      result = await listSets(args, repo);
      break;
    case 'GetRecord':
      result = await getRecord(args, repo, settings);
      break;
    case 'ListIdentifiers':
    case 'ListRecords':
      result = await listRecords(verb, args, repo, settings);
      break;
  }
  if ('body' in result) {
    return response(envelopeParts(responseDate, settings.baseUrl, { verb, ...args }, typeof result.body === 'string' ? [result.body] : result.body));
  }
  // badArgument: the request element carries no attributes at all (protocol, section 3.6).
  const plain = result.errors.some((e) => e.code === 'badArgument');
  const attributes = plain ? {} : { verb, ...result.echo };
  return response(envelopeParts(responseDate, settings.baseUrl, attributes, [errorsXml(result.errors)]));
}
