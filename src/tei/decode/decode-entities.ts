import type { AgentRef, Entity, EntityKind } from '../../model/cable.js';
import { authorityFromUri } from '../../names/index.js';
import { path } from '../xml/select.js';
import { attr, childElements, firstChild, isElement, textContent, type XElement } from '../xml/xml-tree.js';
import { inferredFrom, localId, setIf, type DecodeContext } from './decode-context.js';

const ENTITY_KIND: Record<string, EntityKind> = { person: 'person', org: 'org', place: 'place' };
const NAME_OF_KIND = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

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
  if (idnos.length > 0) entity.authority = idnos.map(decodeAuthority);
  const geo = path(e, 'location', 'geo');
  if (geo) {
    const [lat, lon] = textContent(geo).trim().split(/\s+/).map(Number);
    if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)) entity.coordinates = { lat, lon };
  }
  setIf(entity, 'inferred', inferredFrom(ctx, e));
  return entity;
}

/**
 * An authority id: an `idno type="URI"` of a known authority gives its scheme and id (whatever its
 * subtype says); anything else (a bare id typed by scheme, as older files have) is kept as written.
 */
function decodeAuthority(idno: XElement): { scheme: string; id: string } {
  const text = textContent(idno);
  const type = attr(idno, 'type') ?? '';
  if (type === 'URI') {
    const known = authorityFromUri(text);
    if (known) return known;
    return { scheme: attr(idno, 'subtype') ?? 'URI', id: text.trim() };
  }
  return { scheme: type, id: text };
}

export function decodeEntities(standOff: XElement | undefined, ctx: DecodeContext): Entity[] {
  const out: Entity[] = [];
  for (const list of standOff ? childElements(standOff) : []) {
    for (const entry of childElements(list)) {
      const kind = ENTITY_KIND[entry.name];
      if (kind) out.push(decodeEntity(entry, kind, ctx));
    }
  }
  return out;
}

/** Senders, addressees, participants: the names with @ref in a container (correspAction, particDesc/p). */
export function decodeAgents(container: XElement | undefined, ctx: DecodeContext, names: readonly string[] = ['persName', 'orgName', 'placeName', 'name']): AgentRef[] {
  if (!container) return [];
  const out: AgentRef[] = [];
  for (const c of container.children) {
    if (!isElement(c) || !names.includes(c.name)) continue;
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
