/**
 * The edition settings the TEI carries (publicationStmt): all the encoder needs to know of the
 * configuration, so a change to any other setting never re-encodes a document.
 */
export interface TeiSettings {
  publisher: string;
  rightsUri: string;
}

/** The TEI settings out of a larger settings object (the config): exactly these keys, in this order. */
export function teiSettingsOf(settings: TeiSettings): TeiSettings {
  return { publisher: settings.publisher, rightsUri: settings.rightsUri };
}
