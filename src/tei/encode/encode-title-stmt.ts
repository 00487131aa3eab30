import type { Cable, Contributor } from '../../model/cable.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ENCODER_RELATOR, ID, RELATOR_BASE, ROLE_RELATOR, ROLE_RESP_TEXT } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';

function encodeContributor(c: Contributor, index: number): XElement {
  return el('respStmt', [['xml:id', ID.contributor(index + 1)]], [
    el('resp', [['ref', RELATOR_BASE + ROLE_RELATOR[c.role]]], [ROLE_RESP_TEXT[c.role]]),
    el('persName', [['ref', c.ref !== undefined ? `#${c.ref}` : undefined]], [c.name]),
    c.forOrganisation !== undefined && el('orgName', [['role', 'commissioner']], [c.forOrganisation]),
    c.fromLanguage !== undefined && el('note', [['type', 'from-language']], [c.fromLanguage]),
  ]);
}

export function titleStmt(cable: Cable, ctx: EncodeContext): XElement {
  return el('titleStmt', [], [
    cable.title !== undefined
      ? el('title', [['type', 'main'], ['ana', anaFor(ctx, cable.titleInferred)]], [cable.title])
      : el('title', [['type', 'untitled']], ['Untitled document']),
    ...cable.contributors.map(encodeContributor),
    el('respStmt', [['xml:id', ID.encoder]], [
      el('resp', [['ref', RELATOR_BASE + ENCODER_RELATOR]], ['Encoded in TEI by']),
      el('name', [['type', 'software']], [`${TOOL_NAME} ${TOOL_VERSION}`]),
    ]),
    ...cable.funders.map((f) => el('funder', [], [f])),
  ]);
}
