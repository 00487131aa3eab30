import { disseminate } from '../disseminate.js';
import { isMetadataPrefix } from '../metadata-formats.js';
import { fromOaiIdentifier } from '../oai-identifier.js';
import type { OaiRepository } from '../oai-repository.js';
import type { OaiSettings } from '../oai-settings.js';
import { recordXml } from '../oai-xml.js';
import { only, type VerbResult } from './verb-result.js';

export async function getRecord(args: Record<string, string>, repo: OaiRepository, settings: OaiSettings): Promise<VerbResult> {
  const identifier = args.identifier as string;
  const prefix = args.metadataPrefix as string;
  const id = fromOaiIdentifier(settings.repositoryIdentifier, identifier);
  const record = id === undefined ? undefined : await repo.store.get(id);
  if (!record) {
    return { errors: [{ code: 'idDoesNotExist', message: 'No item has that identifier in this repository.' }], echo: {} };
  }
  if (!isMetadataPrefix(prefix)) {
    return {
      errors: [{ code: 'cannotDisseminateFormat', message: 'That metadata format is not supported; see ListMetadataFormats.' }],
      echo: only(args, ['identifier']),
    };
  }
  const metadata = record.deleted ? undefined : disseminate(repo, record, prefix);
  if (!record.deleted && metadata === undefined) {
    return {
      errors: [{ code: 'cannotDisseminateFormat', message: 'This item cannot be disseminated in that format right now.' }],
      echo: only(args, ['identifier']),
    };
  }
  return { body: `<GetRecord>\n${recordXml(record, settings.repositoryIdentifier, metadata)}</GetRecord>\n` };
}
