import { isOrgName, isPersonName } from './fields.js';

const ADDRESS_LINE = /^[\s\u00a0]*(\[To(?: the)?\]|To(?: the)?(?=[\s\u00a0]))[\s\u00a0]*(.{2,300}?)[\s\u00a0]*:[\s\u00a0]*$/;
const SALUTATION = /^[\s\u00a0]*(?:Dear|My dear|Esteemed|Respected|Honou?red)\b.{0,120}[,:!]?[\s\u00a0]*$|^[\s\u00a0]*(?:Mr\.|Madam|Comrade|Cde\.|Your Excellency|Dear Comrades?)[^.]{0,80}[:!,][\s\u00a0]*$/;

/** What ADDRESS_LINE and SALUTATION start with: most lines are settled by this one test. */
const SALUTE_START = /^[\s\u00a0]*(?:\[To|To|Dear|My dear|Esteemed|Respected|Honou?red|Mr\.|Madam|Comrade|Cde\.|Your Excellency)/;

/** An addressee line ("[To the] Ministry … and the …:") or a salutation ("Dear …,", "Mr. Minister:"). */
export function isSaluteLine(line: string): boolean {
  if (!SALUTE_START.test(line)) return false;
  return ADDRESS_LINE.test(line) || (SALUTATION.test(line) && line.trim().length <= 140);
}

/**
 * The addressees an address line names, as written and with their kind; a salutation names
 * nobody for sure ("Dear Comrade Ambassador,") and gives none.
 */
export function addresseesOf(line: string): Array<{ kind: 'org' | 'person'; name: string }> {
  const m = ADDRESS_LINE.exec(line);
  if (!m) return [];
  const names = m[2]!
    .replace(/^\[?the\]?[\s\u00a0]+/i, '')
    .split(/[\s\u00a0]*(?:,|;|\band\b)[\s\u00a0]*(?:the[\s\u00a0]+)?/)
    .map((p) => p.replace(/^\[?the\]?[\s\u00a0]+/i, '').trim())
    .filter((p) => p !== '');
  const out: Array<{ kind: 'org' | 'person'; name: string }> = [];
  for (const name of names) {
    if (/[[\]]/.test(name)) continue; // a bracketed gloss inside a name: leave it unidentified rather than cut it
    if (isOrgName(name)) out.push({ kind: 'org', name });
    else if (isPersonName(name)) out.push({ kind: 'person', name });
  }
  return out;
}
