import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog } from '../dc/index.js';
import type { MetadataPrefix } from './metadata-formats.js';
import type { OaiRecord, OaiStoreData } from './oai-record.js';
import type { OaiRepository } from './oai-repository.js';
import { emptyStoreData, readStoreFile } from './store-file.js';
import { StoreIndex } from './store-index.js';

/** Metadata of a record: DC from the store, TEI from the project folder (never outside it). */
function metadataReader(root: string): (record: OaiRecord, prefix: MetadataPrefix) => string | undefined {
  return (record, prefix) => {
    if (prefix === 'oai_dc') return record.dc && stripXmlProlog(oaiDcFromFields(record.dc)).trimEnd();
    if (prefix === 'qdc') return record.dc && stripXmlProlog(qualifiedDcFromFields(record.dc)).trimEnd();
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

/** A repository over data already in memory (tests, the benchmark). */
export function repositoryFromData(data: OaiStoreData, root: string): OaiRepository {
  return { index: new StoreIndex(data.records), tokenKey: data.tokenKey, metadata: metadataReader(root) };
}

/**
 * The store file as a live repository: `current()` re-reads the file when a build has rewritten it
 * (by mtime and size), so a running server picks up a sync without a restart.
 */
export interface LiveOaiStore {
  current(): { repository: OaiRepository; diagnostics: Diagnostic[] };
}

export function openOaiStore(storePath: string, root: string): LiveOaiStore {
  let stamp = '';
  let repository: OaiRepository = repositoryFromData(emptyStoreData(), root);
  let diagnostics: Diagnostic[] = [];
  return {
    current() {
      let next = 'missing';
      try {
        const st = statSync(storePath);
        next = `${st.mtimeMs}:${st.size}:${st.ino}`;
      } catch {
        // A missing store is an empty repository.
      }
      if (next !== stamp) {
        const read = readStoreFile(storePath);
        // A corrupt file keeps serving the last good store rather than nothing.
        if (read.data) repository = repositoryFromData(read.data, root);
        diagnostics = read.diagnostics;
        stamp = next;
      }
      return { repository, diagnostics };
    },
  };
}
