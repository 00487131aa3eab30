import type { OaiRepository } from '../oai-repository.js';
import { text } from '../oai-xml.js';
import type { VerbResult } from './verb-result.js';

/** All sets in one response (there are few); no resumption token is ever issued for ListSets. */
export async function listSets(args: Record<string, string>, repo: OaiRepository): Promise<VerbResult> {
  if (args.resumptionToken !== undefined) {
    return { errors: [{ code: 'badResumptionToken', message: 'This repository issues no resumption tokens for ListSets.' }], echo: {} };
  }
  const sets = await repo.store.sets();
  if (sets.length === 0) {
    return { errors: [{ code: 'noSetHierarchy', message: 'The repository holds no records, so it has no sets.' }], echo: {} };
  }
  const body = sets.map((s) => `<set><setSpec>${text(s.spec)}</setSpec><setName>${text(s.name)}</setName></set>\n`).join('');
  return { body: `<ListSets>\n${body}</ListSets>\n` };
}
