import type { CablekitConfig } from '../config/config.js';
import { editionUrls } from '../edition/layout.js';

/** What the protocol core needs to know about the repository. */
export interface OaiSettings {
  /** The endpoint's public URL (`<request>` and Identify baseURL). */
  baseUrl: string;
  repositoryName: string;
  adminEmail: string;
  /** Domain-like name used in identifiers: oai:<repositoryIdentifier>:<doc id>. */
  repositoryIdentifier: string;
  /** Used by Identify when the store is empty. */
  earliestDatestamp?: string;
  /** Public base URL of the edition, for the project's schema locations. */
  editionBaseUrl: string;
  /** Records (or headers) per list page. */
  pageSize: number;
  /** Records per ListRecords page of TEI, when it differs from `pageSize` (TEI documents are far larger than DC records). */
  teiPageSize?: number;
}

export function oaiSettingsFromConfig(config: CablekitConfig, pageSize = 100): OaiSettings {
  const urls = editionUrls(config.baseUrl);
  const settings: OaiSettings = {
    baseUrl: urls.oaiEndpoint(),
    repositoryName: config.collectionName,
    adminEmail: config.oai.adminEmail,
    repositoryIdentifier: config.oai.repositoryIdentifier,
    editionBaseUrl: urls.base,
    pageSize,
  };
  if (config.oai.earliestDatestamp !== undefined) settings.earliestDatestamp = config.oai.earliestDatestamp;
  return settings;
}
