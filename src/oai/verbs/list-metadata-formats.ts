import { metadataFormats } from '../metadata-formats.js';
import { fromOaiIdentifier } from '../oai-identifier.js';
import type { OaiRepository } from '../oai-repository.js';
import type { OaiSettings } from '../oai-settings.js';
import { text } from '../oai-xml.js';
import type { VerbResult } from './verb-result.js';

/** Every record is available in every format, so noMetadataFormats cannot arise here. */
export async function listMetadataFormats(args: Record<string, string>, repo: OaiRepository, settings: OaiSettings): Promise<VerbResult> {
  if (args.identifier !== undefined) {
    const id = fromOaiIdentifier(settings.repositoryIdentifier, args.identifier);
    if (id === undefined || !(await repo.store.get(id))) {
      return { errors: [{ code: 'idDoesNotExist', message: 'No item has that identifier in this repository.' }], echo: {} };
    }
  }
  const formats = Object.values(metadataFormats(settings))
    .map(
      (f) =>
        `<metadataFormat><metadataPrefix>${f.prefix}</metadataPrefix><schema>${text(f.schema)}</schema>` +
        `<metadataNamespace>${text(f.namespace)}</metadataNamespace></metadataFormat>\n`,
    )
    .join('');
  return { body: `<ListMetadataFormats>\n${formats}</ListMetadataFormats>\n` };
}
