import { oaiDcFromFields, qualifiedDcFromFields, stripXmlProlog, type DcFields } from '../dc/index.js';
import type { OaiRecord } from './oai-record.js';

/** A record's oai_dc as disseminated: the crosswalk's document without its XML declaration. */
export function oaiDcMetadata(fields: DcFields): string {
  return stripXmlProlog(oaiDcFromFields(fields)).trimEnd();
}

/** The same for qualified DC. */
export function qdcMetadata(fields: DcFields): string {
  return stripXmlProlog(qualifiedDcFromFields(fields)).trimEnd();
}

/**
 * Both DC serializations of a record, as the store keeps them: the ones the build computed, or
 * rendered from the DC values (records from a migrated JSON store, records built by hand in tests).
 */
export function storedDc(record: Pick<OaiRecord, 'deleted' | 'dc' | 'oaiDc' | 'qdc'>): { oaiDc: string | null; qdc: string | null } {
  if (record.deleted || record.dc === undefined) return { oaiDc: null, qdc: null };
  try {
    return { oaiDc: record.oaiDc ?? oaiDcMetadata(record.dc), qdc: record.qdc ?? qdcMetadata(record.dc) };
  } catch {
    // DC values stored by an older cablekit, in a shape this one no longer renders: left empty
    // here; the next build, whose records all differ from those of another version, rewrites them.
    return { oaiDc: null, qdc: null };
  }
}

/** The setSpecs a record's header lists, as the store keeps them: space-separated (a setSpec has no spaces). */
export function joinSpecs(record: Pick<OaiRecord, 'sets'>): string {
  return record.sets.map((s) => s.spec).join(' ');
}

export function splitSpecs(joined: string): string[] {
  return joined === '' ? [] : joined.split(' ');
}
