/**
 * Rights URIs IIIF recognises: http (not https) Creative Commons licences or public domain tools,
 * or RightsStatements.org statements.
 */
const RIGHTS = /^http:\/\/(?:creativecommons\.org\/(?:licenses|publicdomain)\/|rightsstatements\.org\/vocab\/)\S*\/$/;

export function isRightsUri(uri: string): boolean {
  return RIGHTS.test(uri);
}
