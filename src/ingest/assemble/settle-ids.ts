import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { CONTENT_SUFFIX_LENGTH } from './document-id.js';

/** One page's claim on a document id, as ingest made it. */
export interface IdClaim {
  /** The page's path (what diagnostics name); unique in a batch. */
  source: string;
  id: string;
  /** sha256 of the page's whitespace-normalised text. */
  textSha256: string;
}

/** What becomes of a claim: written under `id`, or left out as a copy of another page. */
export type IdSettlement =
  | { kind: 'keep'; id: string; suffixed?: string }
  | { kind: 'duplicate'; of: string };

export const COLLISION_ID_REASON =
  "suffix: the first hex digits of the sha256 of the page's whitespace-normalised text, because another page with different text claims the same id";

/**
 * Settles a batch's ids so that no page is lost to an id, whatever order the pages come in:
 * the same text given twice is one document (the copy with the first path in code-point order
 * is kept, the others reported); different texts claiming one id all take a suffix of their
 * own text's checksum, long enough to be unique in the batch, and are reported.
 * Pure: the result depends on the set of claims, not on their order.
 */
export function settleIds(claims: readonly IdClaim[]): { settled: Map<string, IdSettlement>; diagnostics: Diagnostic[] } {
  const settled = new Map<string, IdSettlement>();
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, IdClaim[]>();
  for (const c of [...claims].sort((a, b) => compare(a.source, b.source))) {
    const group = byId.get(c.id);
    if (group) group.push(c);
    else byId.set(c.id, [c]);
  }
  const taken = new Set(byId.keys());
  for (const id of [...byId.keys()].sort(compare)) {
    const group = byId.get(id)!;
    // One representative per distinct text: the first path.
    const texts = new Map<string, IdClaim>();
    for (const c of group) {
      const first = texts.get(c.textSha256);
      if (first === undefined) {
        texts.set(c.textSha256, c);
        continue;
      }
      settled.set(c.source, { kind: 'duplicate', of: first.source });
      diagnostics.push({
        code: 'ingest/duplicate-page',
        severity: 'warning',
        message: `this page has the same text as ${first.source} (document "${id}"); the document is written once, from ${first.source}`,
        hint: 'remove one of the two copies from the sources folder',
        file: c.source,
      });
    }
    if (texts.size === 1) {
      settled.set(group[0]!.source, { kind: 'keep', id });
      continue;
    }
    const others = [...texts.values()];
    for (const c of others) {
      const suffixed = uniqueSuffixed(id, c.textSha256, taken);
      taken.add(suffixed);
      settled.set(c.source, { kind: 'keep', id: suffixed, suffixed: COLLISION_ID_REASON });
      diagnostics.push({
        code: 'ingest/id-collision',
        severity: 'warning',
        message: `${others.length} pages with different text claim document id "${id}" (${others.map((o) => o.source).join(', ')}); this one is written as "${suffixed}"`,
        hint: 'if the pages are the same document, keep one; if not, their record ids or archive references say they are the same and may need checking',
        file: c.source,
      });
    }
  }
  return { settled, diagnostics };
}

/** id + "-" + the shortest prefix (8 hex digits or more) of the checksum not taken yet. */
function uniqueSuffixed(id: string, sha: string, taken: ReadonlySet<string>): string {
  for (let n = CONTENT_SUFFIX_LENGTH; n < sha.length; n += 4) {
    const candidate = `${id}-${sha.slice(0, n)}`;
    if (!taken.has(candidate)) return candidate;
  }
  return `${id}-${sha}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
