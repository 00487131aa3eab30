import type { MetadataPrefix } from './metadata-formats.js';
import type { OaiRecord } from './oai-record.js';
import type { OaiStore } from './store/oai-store.js';

/** The store's read side: what the protocol core asks of it. */
export type OaiStoreReader = Pick<OaiStore, 'tokenKey' | 'get' | 'earliestDatestamp' | 'sets' | 'list' | 'page' | 'count'>;

/** What a record's metadata is made from: its stored serializations, DC values or TEI file. */
export type MetadataSource = Pick<OaiRecord, 'id' | 'dc' | 'teiPath' | 'oaiDc' | 'qdc'>;

/**
 * What the protocol core reads: the store and the metadata of a record. The core stays free of
 * I/O of its own; reading TEI files is the implementation's business (see open-oai-store.ts).
 */
export interface OaiRepository {
  store: OaiStoreReader;
  /** The record's metadata in `prefix` without XML declaration, or undefined when it cannot be produced. */
  metadata(record: MetadataSource, prefix: MetadataPrefix): string | undefined;
}
