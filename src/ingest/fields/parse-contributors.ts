import type { Contributor, ContributorRole } from '../../model/cable.js';

const VERB = /\b(obtained|translated|contributed)\b/gi;
const ROLE: Record<string, ContributorRole> = { obtained: 'obtainer', translated: 'translator', contributed: 'contributor' };

/** One clause: "Obtained and translated for NKIDP by A", "translated from German by B and C". */
const CLAUSE = /^((?:obtained|translated|contributed)(?:\s*(?:,|and)\s*(?:obtained|translated|contributed))*)(?:\s+from\s+([A-Z][\w-]*(?:[ -][A-Z][\w-]*)*))?(?:\s+for\s+(.+?))?\s+by\s+(.+)$/is;

const FOR_AFTER = /^(.+?)\s+for\s+(?:the\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)$/;

/** "A", "A and B", "A, B, and C" → names as written. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The contributor sentences of a citation: "Obtained by X and translated by Y." Each verb starts
 * a clause; a clause lists its names after "by". Returns the contributors in order, and the
 * text of any clause that did not read as one (kept by the caller, never dropped).
 */
export function parseContributors(text: string): { contributors: Contributor[]; unread: string[] } {
  const contributors: Contributor[] = [];
  const unread: string[] = [];
  // Clause starts: a verb at the start, after ". " or after " and " — but not a verb right after another verb ("obtained and translated").
  const starts: number[] = [];
  VERB.lastIndex = 0;
  for (let m = VERB.exec(text); m; m = VERB.exec(text)) {
    // Only the few characters before the verb matter; slicing them keeps this linear.
    const before = text.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const atStart = before === '' && (m.index <= 40 || text.slice(0, m.index).trim() === '');
    const joined = atStart || /(?:[.;]|\band)$/i.test(before);
    const afterVerb = /\b(?:obtained|translated|contributed)\s*(?:,|and)$/i.test(before);
    if (joined && !afterVerb && / by\s/i.test(text.slice(m.index, m.index + 400))) starts.push(m.index);
  }
  // Text before the first clause (or all of it, when no clause reads) is returned, never dropped.
  const lead = text.slice(0, starts[0] ?? text.length).trim();
  if (lead) unread.push(lead);
  for (let i = 0; i < starts.length; i++) {
    let clause = text.slice(starts[i], starts[i + 1] ?? text.length).trim();
    clause = clause.replace(/\s+and$/i, '').replace(/[.;,\s]+$/, '');
    const m = CLAUSE.exec(clause);
    if (!m) {
      unread.push(clause);
      continue;
    }
    const verbs = m[1]!.toLowerCase().match(/obtained|translated|contributed/g) ?? [];
    // The organisation may also come after the names: "Translated by A for CWIHP".
    const after = FOR_AFTER.exec(m[4]!);
    const forOrganisation = m[3]?.trim() ?? after?.[2]?.trim();
    const names = splitNames(after ? after[1]! : m[4]!);
    for (const name of names) {
      for (const v of verbs) {
        const c: Contributor = { role: ROLE[v]!, name };
        if (forOrganisation) c.forOrganisation = forOrganisation;
        if (m[2] && v === 'translated') c.fromLanguage = m[2].trim();
        contributors.push(c);
      }
    }
  }
  return { contributors, unread };
}
