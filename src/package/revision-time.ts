/**
 * The latest revisionDesc/change/@when of a TEI file, as an RFC 3339 UTC time (a date alone is
 * taken at 00:00:00Z): the time every package of the document carries, so that packaging the same
 * TEI again gives the same bytes. Read from a file that has passed validation.
 */
export function latestRevision(tei: string): string | undefined {
  const desc = /<revisionDesc\b[\s\S]*?<\/revisionDesc>/.exec(tei)?.[0];
  if (!desc) return undefined;
  const times: string[] = [];
  for (const m of desc.matchAll(/<change\b[^>]*?\bwhen\s*=\s*(["'])([^"']*)\1/g)) {
    const normal = normalise(m[2] as string);
    if (normal) times.push(normal);
  }
  return times.sort().at(-1);
}

function normalise(when: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return `${when}T00:00:00Z`;
  const ms = Date.parse(when);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(when) || Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
