import type { MetadataPrefix } from './metadata-formats.js';
import type { MetadataSource, OaiRepository } from './oai-repository.js';
import { scopeTeiIds } from './scope-tei-ids.js';

/**
 * The metadata a response carries for a record: what the repository gives, with the TEI's ids
 * scoped to the record so a page of several TEI records stays one valid XML document.
 */
export function disseminate(repo: OaiRepository, record: MetadataSource, prefix: MetadataPrefix): string | undefined {
  const metadata = repo.metadata(record, prefix);
  return metadata !== undefined && prefix === 'tei' ? scopeTeiIds(metadata, record.id) : metadata;
}
