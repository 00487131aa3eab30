import type {
  AgentRef,
  ArchiveReference,
  ArchiveUnitType,
  Cable,
  Contributor,
  ContributorRole,
  Entity,
  EntityKind,
  Language,
  Layout,
} from '../../model/cable.js';
import { ID, RELATOR_BASE, ROLE_RELATOR, ROLE_RESP_TEXT, oneOf } from '../vocabulary.js';
import { attr, childElements, firstChild, isElement, textContent, walkElements, type XElement } from '../xml/xml-tree.js';
import { inferredFrom, localId, setIf, type DecodeContext } from './decode-context.js';
import { decodeDateValue } from './decode-date.js';

type Header = Omit<Cable, 'body'>;

const UNIT_TYPES: readonly ArchiveUnitType[] = ['fond', 'opis', 'delo', 'list', 'file', 'folder', 'box', 'series', 'collection', 'item', 'signature', 'other'];
const LAYOUTS: readonly Layout[] = ['record-export', 'current-site', 'flat-mirror', 'old-site', 'unknown'];
const ID_SOURCES: readonly Cable['idSource'][] = ['record-id', 'url', 'archive-reference', 'slug'];
const ENTITY_KIND: Record<string, EntityKind> = { person: 'person', org: 'org', place: 'place' };
const NAME_OF_KIND = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

/** Follows a path of child element names; undefined as soon as one is missing. */
function path(e: XElement | undefined, ...names: string[]): XElement | undefined {
  let cur = e;
  for (const n of names) cur = cur ? firstChild(cur, n) : undefined;
  return cur;
}

function byType(e: XElement | undefined, name: string, type: string): XElement[] {
  return e ? childElements(e, name).filter((c) => attr(c, 'type') === type) : [];
}

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
function decodeContributors(titleStmt: XElement | undefined): Contributor[] {
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

function decodeArchiveReferences(sourceDesc: XElement | undefined, bibl: XElement | undefined, ctx: DecodeContext): ArchiveReference[] {
  const msDescs = sourceDesc ? childElements(sourceDesc, 'msDesc') : [];
  return byType(bibl, 'idno', 'archival-citation').map((idno) => {
    const ref: ArchiveReference = { verbatim: textContent(idno), units: [] };
    const id = attr(idno, 'xml:id');
    const ms = msDescs.find((m) => id !== undefined && localId(attr(m, 'corresp')) === id);
    if (!ms) return ref;
    const ident = firstChild(ms, 'msIdentifier');
    const country = path(ident, 'country');
    const institution = path(ident, 'institution');
    const repository = path(ident, 'repository');
    const out: ArchiveReference = { verbatim: ref.verbatim, units: [] };
    setIf(out, 'archive', repository ? textContent(repository) : undefined);
    setIf(out, 'archiveName', institution ? textContent(institution) : undefined);
    setIf(out, 'archiveNameInferred', institution ? inferredFrom(ctx, institution) : undefined);
    setIf(out, 'country', country ? textContent(country) : undefined);
    setIf(out, 'countryInferred', country ? inferredFrom(ctx, country) : undefined);
    out.units = byType(ident, 'idno', 'archival').map((u) => {
      const subtype = attr(u, 'subtype');
      const unit: ArchiveReference['units'][number] = { type: oneOf(UNIT_TYPES, subtype) ? subtype : 'other', value: textContent(u) };
      const label = attr(u, 'n');
      return label !== undefined ? { type: unit.type, label, value: unit.value } : unit;
    });
    const locus = path(ms, 'msContents', 'msItem', 'locus');
    if (locus) {
      const pages: NonNullable<ArchiveReference['pages']> = { verbatim: textContent(locus), from: attr(locus, 'from') ?? '' };
      setIf(pages, 'to', attr(locus, 'to'));
      out.pages = pages;
    }
    if (attr(ms, 'type') === 'publication') out.isPublication = true;
    return out;
  });
}

function decodeLanguage(langUsage: XElement | undefined, id: string, ctx: DecodeContext): Language | undefined {
  const e = langUsage ? firstChild(langUsage, 'language', (l) => attr(l, 'xml:id') === id) : undefined;
  if (!e) return undefined;
  const lang: Language = { label: textContent(e) };
  const ident = attr(e, 'ident');
  setIf(lang, 'code', ident !== undefined && ident !== 'und' && ident !== '' ? ident : undefined);
  setIf(lang, 'inferred', inferredFrom(ctx, e));
  return lang;
}

function decodeAgents(container: XElement | undefined, ctx: DecodeContext): AgentRef[] {
  if (!container) return [];
  const out: AgentRef[] = [];
  for (const c of container.children) {
    if (!isElement(c) || !['persName', 'orgName', 'placeName', 'name'].includes(c.name)) continue;
    const ref = localId(attr(c, 'ref'));
    if (ref === undefined) continue;
    const agent: AgentRef = { ref };
    const role = firstChild(c, 'roleName');
    setIf(agent, 'role', role ? textContent(role) : undefined);
    setIf(agent, 'inferred', inferredFrom(ctx, c));
    out.push(agent);
  }
  return out;
}

function decodeEntity(e: XElement, kind: EntityKind, ctx: DecodeContext): Entity {
  const nameElement = NAME_OF_KIND[kind];
  const names = childElements(e, nameElement);
  const preferred = names.find((n) => attr(n, 'type') !== 'alias');
  const entity: Entity = {
    id: attr(e, 'xml:id') ?? '',
    kind,
    name: preferred ? textContent(preferred) : '',
    aliases: names.filter((n) => attr(n, 'type') === 'alias').map(textContent),
  };
  const idnos = childElements(e, 'idno');
  if (idnos.length > 0) entity.authority = idnos.map((i) => ({ scheme: attr(i, 'type') ?? '', id: textContent(i) }));
  const geo = path(e, 'location', 'geo');
  if (geo) {
    const [lat, lon] = textContent(geo).trim().split(/\s+/).map(Number);
    if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)) entity.coordinates = { lat, lon };
  }
  setIf(entity, 'inferred', inferredFrom(ctx, e));
  return entity;
}

function decodeEntities(standOff: XElement | undefined, ctx: DecodeContext): Entity[] {
  const out: Entity[] = [];
  for (const list of standOff ? childElements(standOff) : []) {
    for (const entry of childElements(list)) {
      const kind = ENTITY_KIND[entry.name];
      if (kind) out.push(decodeEntity(entry, kind, ctx));
    }
  }
  return out;
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
  const catalogue = byType(bibl, 'date', 'catalogue')[0];
  const uploaded = byType(bibl, 'date', 'uploaded')[0];
  const citation = byType(bibl, 'note', 'citation')[0];
  const record = byType(bibl, 'idno', 'record')[0];
  const abstract = path(profileDesc, 'abstract');
  const licence = path(publicationStmt, 'availability', 'licence');

  const cable: Header = {
    id: attr(tei, 'xml:id') ?? '',
    idSource: oneOf(ID_SOURCES, idSource) ? idSource : 'slug',
    source: decodeSource(path(header, 'revisionDesc')),
    urls: byType(bibl, 'idno', 'URI').map(textContent),
    archiveReferences: [],
    contributors: [],
    funders: [],
    rights: [],
    entities: [],
    senders: [],
    addressees: [],
    participants: [],
    extraFields: [],
  };
  setIf(cable, 'recordId', record ? textContent(record) : undefined);
  setIf(cable, 'title', title ? textContent(title) : undefined);
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
  cable.senders = decodeAgents(byType(correspDesc, 'correspAction', 'sent')[0], ctx);
  cable.addressees = decodeAgents(byType(correspDesc, 'correspAction', 'received')[0], ctx);
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
