/** OAI identifiers of the oai-identifier scheme: oai:<repositoryIdentifier>:<doc id>. */
export function toOaiIdentifier(repositoryIdentifier: string, id: string): string {
  return `oai:${repositoryIdentifier}:${id}`;
}

/** The doc id inside an identifier of this repository, or undefined. */
export function fromOaiIdentifier(repositoryIdentifier: string, identifier: string): string | undefined {
  const prefix = `oai:${repositoryIdentifier}:`;
  return identifier.startsWith(prefix) && identifier.length > prefix.length ? identifier.slice(prefix.length) : undefined;
}
