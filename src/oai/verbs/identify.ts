import { toDatestamp } from '../datestamp.js';
import { toOaiIdentifier } from '../oai-identifier.js';
import type { OaiRepository } from '../oai-repository.js';
import type { OaiSettings } from '../oai-settings.js';
import { text } from '../oai-xml.js';

const SAMPLE_ID = /^[a-zA-Z0-9\-_.!~*'();/?:@&=+$,%]+$/;

/** A config value for earliestDatestamp in the repository's granularity, if it is a date at all. */
function normalise(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : toDatestamp(date);
}

export async function identify(repo: OaiRepository, settings: OaiSettings, now: Date): Promise<string> {
  const earliest = (await repo.store.earliestDatestamp()) ?? normalise(settings.earliestDatestamp) ?? toDatestamp(now);
  const [first] = await repo.store.list({}, undefined, 1);
  const sampleLocal = first !== undefined && SAMPLE_ID.test(first.id) ? first.id : 'doc-1';
  return (
    '<Identify>\n' +
    `<repositoryName>${text(settings.repositoryName)}</repositoryName>\n` +
    `<baseURL>${text(settings.baseUrl)}</baseURL>\n` +
    '<protocolVersion>2.0</protocolVersion>\n' +
    `<adminEmail>${text(settings.adminEmail)}</adminEmail>\n` +
    `<earliestDatestamp>${earliest}</earliestDatestamp>\n` +
    '<deletedRecord>persistent</deletedRecord>\n' +
    '<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n' +
    '<description>\n' +
    '<oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier"' +
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">\n' +
    '<scheme>oai</scheme>\n' +
    `<repositoryIdentifier>${text(settings.repositoryIdentifier)}</repositoryIdentifier>\n` +
    '<delimiter>:</delimiter>\n' +
    `<sampleIdentifier>${text(toOaiIdentifier(settings.repositoryIdentifier, sampleLocal))}</sampleIdentifier>\n` +
    '</oai-identifier>\n' +
    '</description>\n' +
    '</Identify>\n'
  );
}
