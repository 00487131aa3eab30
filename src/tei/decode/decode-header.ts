import type { Cable, Language, Layout } from '../../model/cable.js';
import { emptyCable } from '../../model/empty-cable.js';
import { ID, oneOf } from '../vocabulary.js';
import { byType, path } from '../xml/select.js';
import { attr, childElements, firstChild, textContent, walkElements, type XElement } from '../xml/xml-tree.js';
import { decodeArchiveReferences } from './decode-archive-references.js';
import { decodeContributors } from './decode-contributors.js';
import { inferredFrom, localId, setIf, type DecodeContext } from './decode-context.js';
import { decodeDateValue } from './decode-date.js';
import { decodeAgents, decodeEntities } from './decode-entities.js';

type Header = Omit<Cable, 'body'>;

const CATALOGUE_DATE_TYPES = ['catalogue', 'citation', 'title'] as const;

const LAYOUTS: readonly Layout[] = ['record-export', 'current-site', 'flat-mirror', 'old-site', 'unknown'];
const ID_SOURCES: readonly Cable['idSource'][] = ['record-id', 'url', 'archive-reference', 'slug'];

function decodeLanguage(langUsage: XElement | undefined, id: string, ctx: DecodeContext): Language | undefined {
  const e = langUsage ? firstChild(langUsage, 'language', (l) => attr(l, 'xml:id') === id) : undefined;
  if (!e) return undefined;
  const lang: Language = { label: textContent(e) };
  const ident = attr(e, 'ident');
  setIf(lang, 'code', ident !== undefined && ident !== 'und' && ident !== '' ? ident : undefined);
  setIf(lang, 'inferred', inferredFrom(ctx, e));
  return lang;
}

function decodeSource(revisionDesc: XElement | undefined): Cable['source'] {
  let change: XElement | undefined;
  // The encoder's change names the source; hand edits may add later changes.
  for (const c of revisionDesc ? childElements(revisionDesc, 'change') : []) {
    if (byType(c, 'idno', 'source-sha256').length > 0) change = c;
  }
  const layout = change ? byType(change, 'term', 'layout')[0] : undefined;
  const layoutText = layout ? textContent(layout) : undefined;
  const pathEl = byType(change, 'idno', 'source-path')[0];
  const sha = byType(change, 'idno', 'source-sha256')[0];
  return {
    path: pathEl ? textContent(pathEl) : '',
    sha256: sha ? textContent(sha) : '',
    layout: oneOf(LAYOUTS, layoutText) ? layoutText : 'unknown',
  };
}

/** The names of a correspondent in correspAction (a placeName there is a place of sending or receipt). */
const PARTY_NAMES = ['persName', 'orgName', 'name'];

export function decodeHeader(tei: XElement, ctx: DecodeContext): Header {
  const header = firstChild(tei, 'teiHeader');
  const fileDesc = path(header, 'fileDesc');
  const titleStmt = path(fileDesc, 'titleStmt');
  const publicationStmt = path(fileDesc, 'publicationStmt');
  const sourceDesc = path(fileDesc, 'sourceDesc');
  const bibl = sourceDesc ? firstChild(sourceDesc, 'bibl', (b) => attr(b, 'type') === 'digital-archive') : undefined;
  const profileDesc = path(header, 'profileDesc');
  const langUsage = path(profileDesc, 'langUsage');
  const correspDesc = path(profileDesc, 'correspDesc');

  const docIdno = byType(publicationStmt, 'idno', 'document')[0];
  const idSource = docIdno ? attr(docIdno, 'subtype') : undefined;
  const title = byType(titleStmt, 'title', 'main')[0];
  const catRef = path(profileDesc, 'textClass', 'catRef');
  // The catalogue date is typed by where it was found (date line, citation or title).
  const catalogue = CATALOGUE_DATE_TYPES.map((t) => byType(bibl, 'date', t)[0]).find((d) => d !== undefined);
  const uploaded = byType(bibl, 'date', 'uploaded')[0];
  const citation = byType(bibl, 'note', 'citation')[0];
  const record = byType(bibl, 'idno', 'record')[0];
  const abstract = path(profileDesc, 'abstract');
  const licence = path(publicationStmt, 'availability', 'licence');

  const { body: _body, ...cable }: Cable = emptyCable(
    attr(tei, 'xml:id') ?? '',
    decodeSource(path(header, 'revisionDesc')),
    oneOf(ID_SOURCES, idSource) ? idSource : 'slug',
  );
  setIf(cable, 'idInferred', docIdno ? inferredFrom(ctx, docIdno) : undefined);
  cable.urls = byType(bibl, 'idno', 'URI').map(textContent);
  setIf(cable, 'recordId', record ? textContent(record) : undefined);
  setIf(cable, 'title', title ? textContent(title) : undefined);
  setIf(cable, 'titleInferred', title ? inferredFrom(ctx, title) : undefined);
  const target = catRef ? localId(attr(catRef, 'target')) : undefined;
  setIf(cable, 'documentType', target !== undefined ? ctx.categories.get(target) : undefined);
  if (catalogue) cable.catalogueDate = decodeDateValue(catalogue, textContent(catalogue), 'catalogue', ctx);
  if (uploaded) cable.uploadedDate = decodeDateValue(uploaded, textContent(uploaded), 'uploaded', ctx);
  setIf(cable, 'citation', citation ? textContent(citation) : undefined);
  cable.archiveReferences = decodeArchiveReferences(sourceDesc, bibl, ctx);
  cable.contributors = decodeContributors(titleStmt);
  cable.funders = titleStmt ? childElements(titleStmt, 'funder').map(textContent) : [];
  setIf(cable, 'summary', abstract ? childElements(abstract, 'p').map(textContent).join('\n\n') : undefined);
  setIf(cable, 'originalLanguage', decodeLanguage(langUsage, ID.originalLanguage, ctx));
  setIf(cable, 'translationLanguage', decodeLanguage(langUsage, ID.translationLanguage, ctx));
  cable.rights = licence ? childElements(licence, 'p').map(textContent) : [];
  cable.entities = decodeEntities(firstChild(tei, 'standOff'), ctx);
  // In correspAction a placeName is where the cable was sent from or to, never a correspondent.
  const sent = byType(correspDesc, 'correspAction', 'sent')[0];
  const received = byType(correspDesc, 'correspAction', 'received')[0];
  cable.senders = decodeAgents(sent, ctx, PARTY_NAMES);
  cable.addressees = decodeAgents(received, ctx, PARTY_NAMES);
  setIf(cable, 'sentFrom', decodeAgents(sent, ctx, ['placeName'])[0]);
  setIf(cable, 'receivedAt', decodeAgents(received, ctx, ['placeName'])[0]);
  cable.participants = decodeAgents(path(profileDesc, 'particDesc', 'p'), ctx);
  cable.extraFields = byType(path(fileDesc, 'notesStmt'), 'note', 'page-field').map((n) => {
    const label = firstChild(n, 'label');
    return { label: label ? textContent(label) : '', value: n.children.filter((c) => c !== label).map(textContent).join('') };
  });
  return cable;
}

/** revisionDesc/change/@when of the encoder's change: what a re-encode needs to be byte-identical. */
export function encodedWhen(tei: XElement): string | undefined {
  let when: string | undefined;
  walkElements(tei, (e) => {
    if (when === undefined && e.name === 'change' && attr(e, 'who') === `#${ID.encoder}`) when = attr(e, 'when');
  });
  return when;
}
