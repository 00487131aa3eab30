import type { MetadataPrefix } from './metadata-formats.js';
import type { OaiRecord } from './oai-record.js';
import type { StoreIndex } from './store-index.js';

/**
 * What the protocol core reads: the index, the token key and the metadata of a record. The core
 * stays pure; reading TEI files is the implementation's business (see open-oai-store.ts).
 */
export interface OaiRepository {
  index: StoreIndex;
  tokenKey: string;
  /** The record's metadata in `prefix` without XML declaration, or undefined when it cannot be produced. */
  metadata(record: OaiRecord, prefix: MetadataPrefix): string | undefined;
}
