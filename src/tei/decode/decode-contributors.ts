import type { Contributor, ContributorRole } from '../../model/cable.js';
import { ID, RELATOR_BASE, ROLE_RELATOR, ROLE_RESP_TEXT } from '../vocabulary.js';
import { byType } from '../xml/select.js';
import { attr, childElements, firstChild, textContent, type XElement } from '../xml/xml-tree.js';
import { localId, setIf } from './decode-context.js';

function roleOf(resp: XElement | undefined): ContributorRole {
  const ref = resp ? attr(resp, 'ref') : undefined;
  for (const role of Object.keys(ROLE_RELATOR) as ContributorRole[]) {
    if (ref === RELATOR_BASE + ROLE_RELATOR[role]) return role;
  }
  const text = resp ? textContent(resp).trim().toLowerCase() : '';
  for (const role of Object.keys(ROLE_RESP_TEXT) as ContributorRole[]) {
    if (text === ROLE_RESP_TEXT[role].toLowerCase()) return role;
  }
  return 'contributor';
}

/** Each persName of a respStmt is one contributor (a hand-made respStmt may name several). */
export function decodeContributors(titleStmt: XElement | undefined): Contributor[] {
  const out: Contributor[] = [];
  for (const stmt of titleStmt ? childElements(titleStmt, 'respStmt') : []) {
    if (attr(stmt, 'xml:id') === ID.encoder) continue;
    const role = roleOf(firstChild(stmt, 'resp'));
    const org = firstChild(stmt, 'orgName', (o) => attr(o, 'role') === 'commissioner');
    const from = byType(stmt, 'note', 'from-language')[0];
    for (const person of childElements(stmt, 'persName')) {
      const c: Contributor = { role, name: textContent(person) };
      setIf(c, 'forOrganisation', org ? textContent(org) : undefined);
      setIf(c, 'fromLanguage', from ? textContent(from) : undefined);
      setIf(c, 'ref', localId(attr(person, 'ref')));
      out.push(c);
    }
  }
  return out;
}
