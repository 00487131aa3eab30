import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Block } from '../model/blocks.js';
import type { Cable, Entity } from '../model/cable.js';
import type { Inline } from '../model/inline.js';
import { readingText } from '../model/reading-text.js';
import { AUTHORITY_SCHEMES, type NameFinder, type RegisterEntry } from '../names/index.js';
import { slugify } from '../text/slugify.js';
import { wrapRanges, type Range } from './body/inline/wrap-range.js';

const PREFIX = { person: 'pers', org: 'org', place: 'place' } as const;
const CONTAINERS = new Set(['quote', 'gloss', 'translatorNote', 'stamp']);

/**
 * The reading text of segments with what is already a mention masked out (so it is never marked
 * twice), square brackets taken away so "Japanese Communist [Party]" reads as the name it is,
 * and for each kept character its offset in the reading text.
 */
function projection(segments: readonly Inline[]): { text: string; offsets: number[]; full: string } {
  const masked = maskMentions(segments);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i]!;
    if (ch === '[' || ch === ']') continue;
    text += ch;
    offsets.push(i);
  }
  return { text, offsets, full: readingText(segments) };
}

function maskMentions(segments: readonly Inline[]): string {
  let out = '';
  for (const s of segments) {
    const full = readingText([s]);
    if (s.kind === 'mention') out += '\u0000'.repeat(full.length);
    else if (CONTAINERS.has(s.kind) && 'content' in s) {
      const inner = readingText(s.content);
      const at = inner === '' ? -1 : full.indexOf(inner);
      out += at < 0 ? full : full.slice(0, at) + maskMentions(s.content) + full.slice(at + inner.length);
    } else out += full;
  }
  return out;
}

/** Widens a range over the brackets it needs to hold whole segments ("[North] Korea", "Communist [Party]"). */
function balance(full: string, start: number, end: number): [number, number] {
  const count = (ch: string): number => [...full.slice(start, end)].filter((c) => c === ch).length;
  while (count(']') > count('[') && full[start - 1] === '[') start--;
  while (count('[') > count(']') && full[end] === ']') end++;
  return [start, end];
}

/** Links the mentions of one cable to register entries; state shared by every block of the cable. */
class Linker {
  private readonly entityOf = new Map<string, Entity>();
  readonly ambiguous = new Map<string, number>();

  constructor(
    private readonly cable: Cable,
    private readonly finder: NameFinder,
  ) {
    // An entity the body parser already identified gets the ids of the entry its name is a form of.
    for (const entity of cable.entities) {
      for (const form of [entity.name, ...entity.aliases]) {
        const hit = finder.find(form).find((h) => h.start === 0 && h.end === form.length);
        if (hit?.target.kind !== 'entry' || hit.target.entry.kind !== entity.kind || this.entityOf.has(hit.target.entry.key)) continue;
        enrich(entity, hit.target.entry);
        this.entityOf.set(hit.target.entry.key, entity);
        break;
      }
    }
  }

  segments(segments: Inline[]): Inline[] {
    const { text, offsets, full } = projection(segments);
    const ranges: Range[] = [];
    for (const hit of this.finder.find(text)) {
      if (hit.target.kind === 'ambiguous') this.ambiguous.set(hit.form, (this.ambiguous.get(hit.form) ?? 0) + 1);
      if (hit.target.kind !== 'entry') continue;
      const [start, end] = balance(full, offsets[hit.start]!, offsets[hit.end - 1]! + 1);
      const entity = this.entity(hit.target.entry, full.slice(start, end));
      ranges.push({ start, end, wrap: (content) => ({ kind: 'mention', entityKind: entity.kind, ref: entity.id, content }) });
    }
    return wrapRanges(segments, ranges);
  }

  /** The cable's entity for an entry, made on its first mention; every written form is kept. */
  entity(entry: RegisterEntry, written: string): Entity {
    const known = this.entityOf.get(entry.key);
    if (known) {
      if (written !== known.name && !known.aliases.includes(written)) known.aliases.push(written);
      return known;
    }
    const base = `${PREFIX[entry.kind]}-${slugify(entry.key, 60) || 'name'}`;
    let id = base;
    for (let n = 2; this.cable.entities.some((e) => e.id === id); n++) id = `${base}-${n}`;
    const entity: Entity = { id, kind: entry.kind, name: written, aliases: [] };
    enrich(entity, entry);
    this.cable.entities.push(entity);
    this.entityOf.set(entry.key, entity);
    return entity;
  }
}

function enrich(entity: Entity, entry: RegisterEntry): void {
  const authority = AUTHORITY_SCHEMES.flatMap((scheme) => (entry.authority[scheme] ? [{ scheme, id: entry.authority[scheme] }] : []));
  const have = entity.authority ?? [];
  const added = authority.filter((a) => !have.some((h) => h.scheme === a.scheme));
  if (added.length > 0) entity.authority = [...have, ...added];
  if (entity.kind === 'place' && entry.coordinates && !entity.coordinates) entity.coordinates = { ...entry.coordinates };
}

/** What rewrites the segments of every block: the linker, or a rename of an entity's mentions. */
interface SegmentRewriter {
  segments(segments: Inline[]): Inline[];
}

function linkBlock(block: Block, l: SegmentRewriter): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'salute':
    case 'marking':
      return { ...block, content: l.segments(block.content) };
    case 'fields':
      return { ...block, fields: block.fields.map((f) => ({ ...f, value: l.segments(f.value) })) };
    case 'list':
      return { ...block, items: block.items.map((i) => ({ ...i, content: l.segments(i.content) })) };
    case 'speech':
      return { ...block, content: l.segments(block.content) };
    case 'closer':
      return { ...block, lines: block.lines.map((line) => ({ ...line, content: l.segments(line.content) })) };
    case 'notes':
      return { ...block, notes: block.notes.map((n) => ({ ...n, content: l.segments(n.content) })) };
    case 'document':
      return { ...block, blocks: block.blocks.map((b) => linkBlock(b, l)) };
    default:
      return block;
  }
}

/**
 * Marks the people, organisations and places of the registers in the body of a cable, with
 * authority ids on their entities. Forms a register calls ambiguous are left unmarked and
 * reported once per cable; nothing is guessed. The reading text of every block is unchanged.
 */
export function linkNames(cable: Cable, finder: NameFinder, bag: DiagnosticBag): Cable {
  placesTakenForParties(cable, finder);
  const linker = new Linker(cable, finder);
  cable.body = cable.body.map((b) => linkBlock(b, linker));
  placesOfCorrespondence(cable, finder, linker);
  for (const [form, count] of linker.ambiguous) {
    bag.info('names/ambiguous-mention', `"${form}" (${count}×) could name more than one person, organisation or place; left unmarked.`, {
      hint: 'Declare it in the text ("(hereafter …)") or add the form to the edition\'s register (names.csv) to link it.',
    });
  }
  return cable;
}

/** The written place before the date of a closer's dateline ("Pyongyang, 12 May 1965"), when it is a place mention and nothing else. */
function datelinePlace(blocks: readonly Block[], cable: Cable): string | undefined {
  for (const block of blocks) {
    if (block.kind === 'document') {
      const inner = datelinePlace(block.blocks, cable);
      if (inner !== undefined) return inner;
    }
    if (block.kind !== 'closer') continue;
    for (const line of block.lines) {
      if (line.kind !== 'dateline') continue;
      const at = line.content.findIndex((s) => s.kind === 'date');
      if (at <= 0) continue;
      const before = line.content.slice(0, at);
      const places = before.filter((s) => s.kind === 'mention');
      const rest = before.filter((s) => s.kind !== 'mention');
      const only = places.length === 1 && places[0]!.kind === 'mention' && places[0]!.entityKind === 'place' ? places[0]! : undefined;
      // Only the place and its punctuation before the date: "Pyongyang, ", "Moscow ".
      if (only?.kind === 'mention' && rest.every((s) => s.kind === 'text' && /^[\s,.\u00a0]*$/.test(s.text)) && cable.entities.some((e) => e.id === only.ref)) return only.ref;
    }
  }
  return undefined;
}

/** A sender's post abroad, written before a place: "Embassy in", "Ambassador in the", "Consulate General in". */
const POST_IN = /\b(?:Embassy|Legation|Consulate(?:[ \u00a0]+General)?|Consul(?:[ \u00a0]+General)?|Ambassador|Mission|Trade[ \u00a0]+Representation|Chargé[ \u00a0]+d[’']Affaires)[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?$/u;
const FROM = /\bfrom[ \u00a0]+(?:the[ \u00a0]+)?$/u;
const TO = /^[ \u00a0]+to[ \u00a0]+(?:the[ \u00a0]+)?$/u;
/**
 * A title that says who sent the document: a kind of dispatch right before "from", at most a few
 * words into the title ("Telegram from …", "Ciphered Telegram from …", "Cable from …"). Only then
 * is a place after "from" where it was sent from; "the delegation from Pyongyang" is not.
 */
const SENT_BY = /^(?:[\p{L}'’.-]+[ \u00a0]+){0,3}?(?:Telegram|Cable|Cablegram|Letter|Note|Dispatch|Despatch|Report|Memorandum|Message|Radiogram|Telegraph|Wire)[ \u00a0]+from[ \u00a0]+/iu;

/**
 * Where the cable was sent from and to, only where the source says so: a header's "From:"/"To:"
 * place (placesTakenForParties), the place of a closer's dateline (written), else what the
 * page's title states: "Telegram from Pyongyang to Bucharest", "Cable from the Chinese Ambassador
 * in North Korea …", a place of the registers only, marked inferred with the title's words as the
 * reason. Nothing when none of them says it.
 */
function placesOfCorrespondence(cable: Cable, finder: NameFinder, linker: Linker): void {
  const dateline = datelinePlace(cable.body, cable);
  if (dateline !== undefined && cable.sentFrom === undefined) cable.sentFrom = { ref: dateline };
  const title = cable.title;
  const sentBy = title === undefined ? null : SENT_BY.exec(title);
  if (title === undefined || !sentBy) return;
  const fromAt = sentBy[0].length;
  const hits = finder.find(title).filter((h) => h.target.kind === 'entry' && h.start >= fromAt);
  const place = (i: number) => {
    const h = hits[i];
    return h?.target.kind === 'entry' && h.target.entry.kind === 'place' ? { hit: h, entry: h.target.entry } : undefined;
  };
  const fromWord = fromAt - title.slice(0, fromAt).match(/from[ \u00a0]+$/iu)![0].length;
  for (let i = 0; i < hits.length; i++) {
    const from = place(i);
    if (!from) continue;
    const between = title.slice(fromAt, from.hit.start);
    // Still the sender's words: nothing has turned to the addressee ("… to the Embassy in X").
    if (/\bto\b/u.test(between)) break;
    const isFrom = FROM.test(title.slice(0, from.hit.start)) && /^(?:the[ \u00a0]+)?$/u.test(between);
    if (!isFrom && !POST_IN.test(title.slice(0, from.hit.start))) continue;
    const words = title.slice(fromWord, from.hit.end);
    if (cable.sentFrom === undefined) {
      cable.sentFrom = { ref: linker.entity(from.entry, title.slice(from.hit.start, from.hit.end)).id, inferred: `the page's title states the place of sending ("${words}")` };
    }
    // "from P to Q": Q, a place right after, is where it went.
    const to = isFrom ? place(i + 1) : undefined;
    if (to && TO.test(title.slice(from.hit.end, to.hit.start)) && cable.receivedAt === undefined) {
      const toWords = title.slice(fromWord, to.hit.end);
      cable.receivedAt = { ref: linker.entity(to.entry, title.slice(to.hit.start, to.hit.end)).id, inferred: `the page's title states the place of receipt ("${toWords}")` };
    }
    break;
  }
}

/** The ids a speech or quote names as its speaker: such an entity speaks, so it is a person or body. */
function speakerIds(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  const visit = (segments: readonly Inline[]): void => {
    for (const s of segments) {
      if (s.kind === 'quote' && s.who !== undefined) out.add(s.who);
      if ('content' in s && Array.isArray(s.content)) visit(s.content as Inline[]);
    }
  };
  const collector: SegmentRewriter = {
    segments: (segments) => {
      visit(segments);
      return segments;
    },
  };
  for (const b of blocks) {
    if (b.kind === 'speech' && b.who !== undefined) out.add(b.who);
    linkBlock(b, collector);
  }
  return out;
}

/** Every mention of entity `from` now points to `to`, a place. */
function renameMentions(segments: Inline[], from: string, to: string): Inline[] {
  return segments.map((s): Inline => {
    if (s.kind === 'mention' && s.ref === from) return { ...s, entityKind: 'place', ref: to, content: renameMentions(s.content, from, to) };
    if ('content' in s && Array.isArray(s.content)) return { ...s, content: renameMentions(s.content as Inline[], from, to) } as Inline;
    return s;
  });
}

/**
 * "From: Pyongyang", "To: Bucharest": a memo or transmission header that names a place of the
 * registers where a correspondent would stand says where the cable went from or to; the place
 * is no sender or addressee. Such an entity becomes the place (its mentions follow), and the
 * place of sending or receipt, as written. One that speaks, takes part or translates is left alone.
 */
function placesTakenForParties(cable: Cable, finder: NameFinder): void {
  const speakers = speakerIds(cable.body);
  const busy = new Set([...cable.participants.map((a) => a.ref), ...cable.contributors.flatMap((c) => (c.ref !== undefined ? [c.ref] : [])), ...speakers]);
  for (const [list, slot] of [
    ['senders', 'sentFrom'],
    ['addressees', 'receivedAt'],
  ] as const) {
    for (const agent of [...cable[list]]) {
      const entity = cable.entities.find((e) => e.id === agent.ref);
      if (!entity || entity.kind === 'place' || busy.has(entity.id) || cable.senders.concat(cable.addressees).filter((a) => a.ref === entity.id).length > 1) continue;
      const hit = finder.find(entity.name).find((h) => h.start === 0 && h.end === entity.name.length);
      if (hit?.target.kind !== 'entry' || hit.target.entry.kind !== 'place') continue;
      const base = `${PREFIX.place}-${slugify(hit.target.entry.key, 60) || 'name'}`;
      let id = base;
      for (let n = 2; cable.entities.some((e) => e.id === id); n++) id = `${base}-${n}`;
      const from = entity.id;
      entity.id = id;
      entity.kind = 'place';
      cable.body = cable.body.map((b) => linkBlock(b, { segments: (segments) => renameMentions(segments, from, id) }));
      cable[list] = cable[list].filter((a) => a !== agent);
      if (cable[slot] === undefined) cable[slot] = agent.inferred !== undefined ? { ref: id, inferred: agent.inferred } : { ref: id };
    }
  }
}
