import type { Entity, EntityKind } from '../../model/cable.js';
import { authorityUri } from '../../names/index.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';

const LIST = { person: 'listPerson', org: 'listOrg', place: 'listPlace' } as const;
const ENTRY = { person: 'person', org: 'org', place: 'place' } as const;
const NAME = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

function encodeEntity(e: Entity, ctx: EncodeContext): XElement {
  const name = NAME[e.kind];
  return el(ENTRY[e.kind], [['xml:id', e.id], ['ana', anaFor(ctx, e.inferred)]], [
    el(name, [], [e.name]),
    ...e.aliases.map((a) => el(name, [['type', 'alias']], [a])),
    // TEI has coordinates for places only; the model keeps them only for places too.
    e.kind === 'place' &&
      e.coordinates !== undefined &&
      el('location', [], [el('geo', [], [`${e.coordinates.lat} ${e.coordinates.lon}`])]),
    ...(e.authority ?? []).map(encodeAuthority),
  ]);
}

/** A known authority as its URI (what Linked Data, CMIF and the derived formats use); any other scheme as given. */
function encodeAuthority(a: { scheme: string; id: string }): XElement {
  const uri = authorityUri(a.scheme, a.id);
  return uri === undefined ? el('idno', [['type', a.scheme]], [a.id]) : el('idno', [['type', 'URI'], ['subtype', a.scheme]], [uri]);
}

/**
 * One list per run of entities of the same kind: grouping all persons together would lose the
 * order of the model's entity list, which the decoder gives back as it was.
 */
export function encodeStandOff(ctx: EncodeContext): XElement | undefined {
  const entities = ctx.cable.entities;
  if (entities.length === 0) return undefined;
  const lists: XElement[] = [];
  let kind: EntityKind | undefined;
  let current: XElement | undefined;
  for (const e of entities) {
    if (e.kind !== kind || current === undefined) {
      kind = e.kind;
      current = el(LIST[e.kind]);
      lists.push(current);
    }
    current.children.push(encodeEntity(e, ctx));
  }
  return el('standOff', [], lists);
}
