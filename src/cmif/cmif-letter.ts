import type { Block } from '../model/blocks.js';
import type { AgentRef, Cable, Entity } from '../model/cable.js';
import type { DateValue } from '../model/dates.js';
import type { Inline } from '../model/inline.js';
import { authorityUri } from '../names/index.js';

/** A sender or addressee as CMIF names it: a person or an organisation, with its authority URIs. */
export interface CmifParty {
  kind: 'person' | 'org';
  name: string;
  /** Authority URIs, the ones correspSearch reads best first (VIAF, GND, then Wikidata). */
  refs: string[];
  /** cablekit inferred the party (the source does not state it): CMIF `evidence="conjecture"`. */
  conjecture: boolean;
}

/** A place of sending or receipt: its name, its GeoNames URI when the registers know it. */
export interface CmifPlace {
  name: string;
  /** http://www.geonames.org/<id>, the form the CMIF guidelines give. */
  ref?: string;
  /** The source states the place only indirectly (the page's title): CMIF `evidence="conjecture"`. */
  conjecture: boolean;
}

/** A date in the forms CMIF accepts (YYYY, YYYY-MM, YYYY-MM-DD). */
export interface CmifDate {
  when?: string;
  notBefore?: string;
  notAfter?: string;
}

/** One cable or letter for the CMIF file: the summary the corpus step gets (plain JSON). */
export interface CmifLetter {
  id: string;
  /** The document's page in the reading edition (correspDesc/@ref). */
  url: string;
  sent: CmifParty[];
  received: CmifParty[];
  sentDate?: CmifDate;
  sentFrom?: CmifPlace;
  receivedAt?: CmifPlace;
  /** When the TEI was last encoded: the latest one dates the CMIF file. */
  encodedWhen?: string;
}

const PARTY_SCHEMES = ['viaf', 'gnd', 'wikidata'];

function refsOf(entity: Entity, schemes: readonly string[]): string[] {
  const out: string[] = [];
  for (const scheme of schemes) {
    for (const a of entity.authority ?? []) {
      const uri = a.scheme === scheme ? authorityUri(a.scheme, a.id.trim()) : undefined;
      if (uri !== undefined && !out.includes(uri)) out.push(uri);
    }
  }
  return out;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function partiesOf(agents: readonly AgentRef[], cable: Cable): CmifParty[] {
  const out: CmifParty[] = [];
  for (const a of agents) {
    const entity = cable.entities.find((e) => e.id === a.ref);
    // A place is no correspondent; an agent without a name says nothing CMIF can use.
    if (!entity || entity.kind === 'place' || clean(entity.name) === '') continue;
    out.push({ kind: entity.kind, name: clean(entity.name), refs: refsOf(entity, PARTY_SCHEMES), conjecture: a.inferred !== undefined || entity.inferred !== undefined });
  }
  return out;
}

function placeOf(at: AgentRef | undefined, cable: Cable): CmifPlace | undefined {
  const entity = at === undefined ? undefined : cable.entities.find((e) => e.id === at.ref);
  // The translator's square brackets are no part of the place's name: "[North] Korea" is North Korea.
  const name = clean(entity?.name.replace(/[[\]]/g, '') ?? '');
  if (!at || !entity || entity.kind !== 'place' || name === '') return undefined;
  const place: CmifPlace = { name, conjecture: at.inferred !== undefined || entity.inferred !== undefined };
  const geonames = entity.authority?.find((a) => a.scheme === 'geonames' && authorityUri('geonames', a.id.trim()) !== undefined);
  if (geonames) place.ref = `http://www.geonames.org/${geonames.id.trim()}`;
  return place;
}

/** The date part of a W3C value, when it has one CMIF accepts ("1965-10-29T17:00:00" → "1965-10-29"). */
function cmifDay(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$/.exec(value);
  return m ? m[1] : undefined;
}

function cmifDate(date: DateValue | undefined): CmifDate | undefined {
  if (!date) return undefined;
  const out: CmifDate = {};
  const when = cmifDay(date.when);
  const notBefore = cmifDay(date.notBefore);
  const notAfter = cmifDay(date.notAfter);
  if (when !== undefined) out.when = when;
  else {
    if (notBefore !== undefined) out.notBefore = notBefore;
    if (notAfter !== undefined) out.notAfter = notAfter;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The first date of the closer (where a cable states when it was sent), as the TEI's correspAction has it. */
function closerDate(blocks: readonly Block[]): DateValue | undefined {
  const inSegments = (segments: readonly Inline[]): DateValue | undefined => {
    for (const s of segments) {
      if (s.kind === 'date' && s.value.origin === 'closer') return s.value;
      if ('content' in s && Array.isArray(s.content)) {
        const d = inSegments(s.content as Inline[]);
        if (d) return d;
      }
    }
    return undefined;
  };
  for (const b of blocks) {
    if (b.kind === 'closer') {
      for (const line of b.lines) {
        const d = inSegments(line.content);
        if (d) return d;
      }
    }
    if (b.kind === 'document') {
      const d = closerDate(b.blocks);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * A cable's entry in the CMIF file, or undefined when the TEI names neither sender nor addressee
 * (a record with no correspondents is not correspondence). Places of sending and receipt only as
 * the TEI's correspAction states them (a meeting's place is not one), with GeoNames URIs when known.
 */
export function cmifLetterOf(cable: Cable, url: string, encodedWhen?: string): CmifLetter | undefined {
  const sent = partiesOf(cable.senders, cable);
  const received = partiesOf(cable.addressees, cable);
  if (sent.length === 0 && received.length === 0) return undefined;
  const letter: CmifLetter = { id: cable.id, url, sent, received };
  const date = cmifDate(closerDate(cable.body) ?? cable.catalogueDate);
  if (date) letter.sentDate = date;
  const sentFrom = placeOf(cable.sentFrom, cable);
  const receivedAt = placeOf(cable.receivedAt, cable);
  if (sentFrom) letter.sentFrom = sentFrom;
  if (receivedAt) letter.receivedAt = receivedAt;
  if (encodedWhen !== undefined) letter.encodedWhen = encodedWhen;
  return letter;
}
