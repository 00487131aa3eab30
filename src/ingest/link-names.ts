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
  private entity(entry: RegisterEntry, written: string): Entity {
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

function linkBlock(block: Block, l: Linker): Block {
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
  const linker = new Linker(cable, finder);
  cable.body = cable.body.map((b) => linkBlock(b, linker));
  for (const [form, count] of linker.ambiguous) {
    bag.info('names/ambiguous-mention', `"${form}" (${count}×) could name more than one person, organisation or place; left unmarked.`, {
      hint: 'Declare it in the text ("(hereafter …)") or add the form to the edition\'s register (names.csv) to link it.',
    });
  }
  return cable;
}
