import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { stripXmlProlog } from '../dc/index.js';
import type { MetadataPrefix } from './metadata-formats.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import type { MetadataSource, OaiRepository, OaiStoreReader } from './oai-repository.js';
import { oaiDcMetadata, qdcMetadata } from './stored-metadata.js';
import { SqliteOaiStore } from './store/sqlite-store.js';

/** Metadata of a record: DC as serialized in the store (else rendered from its values), TEI from the project folder (never outside it). */
export function metadataReader(root: string): (record: MetadataSource, prefix: MetadataPrefix) => string | undefined {
  return (record, prefix) => {
    if (prefix === 'oai_dc') return record.oaiDc ?? (record.dc && oaiDcMetadata(record.dc));
    if (prefix === 'qdc') return record.qdc ?? (record.dc && qdcMetadata(record.dc));
    if (record.teiPath === undefined) return undefined;
    const path = resolve(root, record.teiPath);
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    try {
      return stripXmlProlog(readFileSync(path, 'utf8')).trimEnd();
    } catch {
      return undefined;
    }
  };
}

/** A repository over an open store, reading TEI under `root`. */
export function repositoryFor(store: OaiStoreReader, root: string): OaiRepository {
  return { store, metadata: metadataReader(root) };
}

/** A repository over records in memory (tests): a private in-memory SQLite store holding them. */
export function repositoryFromData(data: Pick<OaiStoreData, 'tokenKey' | 'records'>, root: string): OaiRepository {
  return repositoryFor(SqliteOaiStore.open(':memory:', () => data), root);
}
