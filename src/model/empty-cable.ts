import type { Cable, SourceFile } from './cable.js';

/**
 * A cable with only what every cable has: an id, its source and empty lists. Callers add the
 * fields they know, so nothing absent from a source is ever filled in by a constructor.
 */
export function emptyCable(id: string, source: SourceFile, idSource: Cable['idSource'] = 'slug'): Cable {
  return {
    id,
    idSource,
    source,
    urls: [],
    archiveReferences: [],
    contributors: [],
    funders: [],
    rights: [],
    entities: [],
    senders: [],
    addressees: [],
    participants: [],
    extraFields: [],
    body: [],
  };
}
