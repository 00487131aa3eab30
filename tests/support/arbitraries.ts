/**
 * fast-check arbitraries of a complete, referentially intact `Cable`: every block and inline kind,
 * odd characters (CJK, NBSP, `&<>"'`, brackets, typographic quotes, tabs and newlines), empty
 * strings, and optional fields both present and missing (missing means the key is absent).
 *
 * Generated cables are canonical, as ingest produces them: no empty text segments, no two text
 * segments in a row, every mention/speaker/contributor ref names an entity, every note ref target
 * names a note, ids are unique within the cable. Lists, fields blocks and notes blocks have at least
 * one entry (an empty one is not a thing a page shows). Other formats may import these.
 */
import fc from 'fast-check';
import type {
  Block,
  Cable,
  CloserLine,
  DateOrigin,
  DatePrecision,
  DateValue,
  Delimiter,
  Entity,
  Field,
  Inline,
  ListItem,
  Note,
} from '../../src/model/index.js';
import { readingText } from '../../src/model/reading-text.js';

// ---------------------------------------------------------------- strings

const ODD_CHARS = [
  'a', 'b', 'Z', 'é', ' ', ' ', '\n', '\t', '\u00a0', '中', '文', '한', '&', '<', '>', '"', "'",
  '[', ']', '(', ')', '“', '”', '‘', '’', '—', '…', '.', ',', ':', '1', '9', '#', ';', '/',
];
const ATTR_SAFE_CHARS = ODD_CHARS.filter((c) => c !== '\n' && c !== '\t');

/** Any text, possibly empty. */
export const anyText = (maxLength = 12): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength });
/** Text that is not empty. */
export const someText = (maxLength = 12): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...ODD_CHARS), minLength: 1, maxLength });
/** Text the model keeps in attribute-like slots (paragraph numbers, labels): no line breaks or tabs. */
export const attrText = (maxLength = 6): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...ATTR_SAFE_CHARS), maxLength });
/** A token without spaces (page numbers, authority schemes). */
export const wordText: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,5}$/);

const reasons = fc.constantFrom(
  'year taken from the catalogue date',
  'month & year from the closer <dateline>',
  'from the archive table',
  '由目录推断',
  '',
);

// ---------------------------------------------------------------- dates

const DATE_ORIGINS: DateOrigin[] = ['catalogue', 'uploaded', 'title', 'citation', 'text', 'closer', 'meeting', 'heading'];
const PRECISIONS: DatePrecision[] = ['year', 'month', 'day', 'minute', 'second'];

/** ISO 8601 values as tei_all accepts them (xsd gYear, gYearMonth, date, dateTime). */
export const isoDate: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1900, max: 1999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom(0, 1, 2, 3),
  )
  .map(([y, m, d, h, min, shape]) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    if (shape === 0) return `${y}`;
    if (shape === 1) return `${y}-${p2(m)}`;
    if (shape === 2) return `${y}-${p2(m)}-${p2(d)}`;
    return `${y}-${p2(m)}-${p2(d)}T${p2(h)}:${p2(min)}:00`;
  });

/** notBefore never after notAfter: an inverted interval is an error the validator reports, not a cable. */
function orderInterval(d: DateValue): DateValue {
  if (d.notBefore === undefined || d.notAfter === undefined) return d;
  const n = Math.min(d.notBefore.length, d.notAfter.length);
  return d.notBefore.slice(0, n) <= d.notAfter.slice(0, n) ? d : { ...d, notBefore: d.notAfter, notAfter: d.notBefore };
}

const dateValueWithout = (verbatim: fc.Arbitrary<string>): fc.Arbitrary<DateValue> =>
  fc.record(
    {
      verbatim,
      when: isoDate,
      notBefore: isoDate,
      notAfter: isoDate,
      precision: fc.constantFrom(...PRECISIONS),
      origin: fc.constantFrom(...DATE_ORIGINS),
      inferred: reasons,
    },
    { requiredKeys: ['verbatim', 'origin'] },
  ).map(orderInterval);

/** A date of the page header: its verbatim text is free, its origin is where it sits (catalogue, uploaded). */
export const headerDateValue = (origin: 'catalogue' | 'uploaded'): fc.Arbitrary<DateValue> =>
  dateValueWithout(anyText(20)).map((d) => ({ ...d, origin }));

// ---------------------------------------------------------------- inline

const delimiter: fc.Arbitrary<Delimiter> = fc.constantFrom('square', 'double-square', 'round', 'square-open', 'none');
const ENTITY_KINDS = ['person', 'org', 'place'] as const;

/** Placeholder refs are entity indexes; `resolveRefs` turns them into the ids of the generated entities. */
const refIndex = fc.nat({ max: 7 }).map((n) => `@${n}`);

function leafInline(): fc.Arbitrary<Inline> {
  return fc.oneof(
    { weight: 6, arbitrary: someText().map((text): Inline => ({ kind: 'text', text })) },
    fc.record({ kind: fc.constant('supplied' as const), text: anyText(), delimiter }),
    fc.record({ kind: fc.constant('sic' as const), marker: fc.constantFrom('sic', 'sic!', 'sic?'), delimiter }),
    fc.record(
      {
        kind: fc.constant('gap' as const),
        text: fc.constantFrom('...', '…', '. . .', '….', ''),
        delimiter,
        reason: fc.constantFrom('omitted', 'illegible', 'truncated', 'redacted'),
      },
      { requiredKeys: ['kind', 'text', 'delimiter'] },
    ),
    fc.record({ kind: fc.constant('unclear' as const), text: anyText(4), delimiter }),
    fc.record({
      kind: fc.constant('editorial' as const),
      editorialType: fc.constantFrom('emphasis', 'no-name', 'illegible-signature', 'signature', 'redacted', 'query', 'review', 'other'),
      text: anyText(),
      delimiter,
    }),
    fc.record(
      { kind: fc.constant('noteRef' as const), n: attrText(3), style: fc.constantFrom('square', 'round', 'bare'), target: fc.nat({ max: 5 }).map((n) => `@${n}`) },
      { requiredKeys: ['kind', 'n', 'style'] },
    ),
    fc.record({ kind: fc.constant('pageBreak' as const), n: attrText(3), text: anyText(6), delimiter }),
    fc.constant<Inline>({ kind: 'lineBreak' }),
  );
}

/** Inline segments nested `depth` levels deep at most. */
export function inlines(depth = 2, maxLength = 5): fc.Arbitrary<Inline[]> {
  if (depth <= 0) return fc.array(leafInline(), { maxLength }).map(canonicalInlines);
  const inner = inlines(depth - 1, 3);
  const nested: fc.Arbitrary<Inline> = fc.oneof(
    fc.record({ kind: fc.constant('gloss' as const), glossType: fc.constantFrom('identification', 'explanation', 'unclassified'), content: inner, delimiter }),
    fc.record({ kind: fc.constant('stamp' as const), stampType: fc.constantFrom('stamp', 'handwriting'), label: fc.constantFrom('stamp: ', 'handwritten: ', ''), content: inner, delimiter }),
    fc.record({ kind: fc.constant('translatorNote' as const), content: inner, delimiter }),
    fc.record(
      { kind: fc.constant('quote' as const), open: fc.constantFrom('“', '"', '‘', '«', ''), close: fc.constantFrom('”', '"', '’', '»', ''), content: inner, who: refIndex },
      { requiredKeys: ['kind', 'open', 'close', 'content'] },
    ),
    inner.chain((content) =>
      dateValueWithout(fc.constant(readingText(content))).map((value): Inline => ({ kind: 'date', content, value })),
    ),
    fc.record({ kind: fc.constant('mention' as const), entityKind: fc.constantFrom(...ENTITY_KINDS), ref: refIndex, content: inner }),
  );
  return fc.array(fc.oneof({ weight: 3, arbitrary: leafInline() }, { weight: 2, arbitrary: nested }), { maxLength }).map(canonicalInlines);
}

/** Merges adjacent text segments and drops empty ones: the one form in which a text has no two spellings. */
export function canonicalInlines(segments: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const s of segments) {
    if (s.kind === 'text') {
      if (s.text === '') continue;
      const last = out[out.length - 1];
      if (last?.kind === 'text') {
        out[out.length - 1] = { kind: 'text', text: last.text + s.text };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------- blocks

const field: fc.Arbitrary<Field> = fc.record(
  {
    label: anyText(),
    separator: fc.constantFrom(': ', ':', ' : ', '—', '：'),
    role: fc.constantFrom('time', 'date', 'place', 'participants', 'interpreter', 'recorder', 'observer', 'to', 'from', 'subject', 'classification', 'copy', 'sent', 'received', 'other'),
    value: inlines(1),
  },
  { requiredKeys: ['label', 'separator', 'value'] },
);

const listItem: fc.Arbitrary<ListItem> = fc.record({ label: attrText(4), content: inlines(1) }, { requiredKeys: ['content'] });

const closerLine: fc.Arbitrary<CloserLine> = fc.record({
  kind: fc.constantFrom('signed', 'dateline', 'other'),
  content: inlines(1),
});

const note: fc.Arbitrary<Note> = fc.record({
  id: fc.constant('@note'),
  n: attrText(3),
  noteType: fc.constantFrom('footnote', 'translator'),
  content: inlines(1),
});

function leafBlock(): fc.Arbitrary<Block> {
  return fc.oneof(
    fc.record({ kind: fc.constant('heading' as const), content: inlines() }),
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), number: attrText(4), content: inlines() }, { requiredKeys: ['kind', 'content'] }) },
    fc.record({ kind: fc.constant('fields' as const), fieldsType: fc.constantFrom('meeting', 'memo', 'transmission'), fields: fc.array(field, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('salute' as const), content: inlines(1) }),
    fc.record({ kind: fc.constant('list' as const), listType: fc.constantFrom('numbered', 'bulleted', 'dash', 'distribution'), items: fc.array(listItem, { minLength: 1, maxLength: 3 }) }),
    fc.record(
      { kind: fc.constant('speech' as const), speaker: inlines(1, 2), separator: fc.constantFrom(': ', '.', '—', ' : ', ''), who: refIndex, content: inlines() },
      { requiredKeys: ['kind', 'speaker', 'separator', 'content'] },
    ),
    fc.record({ kind: fc.constant('closer' as const), lines: fc.array(closerLine, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('notes' as const), heading: inlines(1, 2), notes: fc.array(note, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['kind', 'notes'] }),
    fc.record({
      kind: fc.constant('marking' as const),
      markingType: fc.constantFrom('classification', 'copy', 'registry', 'urgency', 'transmission', 'distribution', 'review', 'other'),
      content: inlines(1),
    }),
    fc.record({ kind: fc.constant('separator' as const), text: attrText(6) }),
    fc.record({ kind: fc.constant('gap' as const), text: fc.constantFrom('[...]', '[…]', ''), reason: fc.constantFrom('omitted', 'truncated') }),
  );
}

export function blocks(depth = 1, maxLength = 6): fc.Arbitrary<Block[]> {
  if (depth <= 0) return fc.array(leafBlock(), { maxLength });
  const documentBlock: fc.Arbitrary<Block> = fc.record(
    { kind: fc.constant('document' as const), documentType: fc.oneof(fc.constantFrom('Cable', 'Enclosure', 'Journal Entry'), anyText(8)), blocks: blocks(depth - 1, 3) },
    { requiredKeys: ['kind', 'blocks'] },
  );
  return fc.array(fc.oneof({ weight: 6, arbitrary: leafBlock() }, { weight: 1, arbitrary: documentBlock }), { maxLength });
}

// ---------------------------------------------------------------- cable

const language = fc.record(
  { label: anyText(), code: fc.constantFrom('zh', 'ko', 'ru', 'de', 'hu', 'en', 'ja'), inferred: reasons },
  { requiredKeys: ['label'] },
);

const entity: fc.Arbitrary<Omit<Entity, 'id'>> = fc.constantFrom(...ENTITY_KINDS).chain((kind) =>
  fc.record(
    {
      kind: fc.constant(kind),
      name: anyText(),
      aliases: fc.array(anyText(6), { maxLength: 2 }),
      authority: fc.array(fc.record({ scheme: fc.constantFrom('wikidata', 'viaf', 'geonames'), id: someText(8) }), { minLength: 1, maxLength: 2 }),
      ...(kind === 'place'
        ? { coordinates: fc.record({ lat: fc.integer({ min: -900000, max: 900000 }).map((n) => n / 10000), lon: fc.integer({ min: -1800000, max: 1800000 }).map((n) => n / 10000) }) }
        : {}),
      inferred: reasons,
    },
    { requiredKeys: ['kind', 'name', 'aliases'] },
  ),
);

const archiveReference = fc
  .record(
    {
      verbatim: anyText(20),
      archive: anyText(8),
      archiveName: anyText(12),
      archiveNameInferred: reasons,
      country: fc.constantFrom('CN', 'RU', 'KP', 'DE', 'HU'),
      countryInferred: reasons,
      units: fc.array(
        fc.record(
          {
            type: fc.constantFrom('fond', 'opis', 'delo', 'list', 'file', 'folder', 'box', 'series', 'collection', 'item', 'signature', 'other'),
            label: attrText(6),
            value: anyText(8),
          },
          { requiredKeys: ['type', 'value'] },
        ),
        { maxLength: 3 },
      ),
      pages: fc.record({ verbatim: anyText(8), from: wordText, to: wordText }, { requiredKeys: ['verbatim', 'from'] }),
      isPublication: fc.constant(true as const),
    },
    { requiredKeys: ['verbatim', 'units'] },
  )
  .map((r) => {
    // An inference reason only exists for a value that is there.
    const out = { ...r };
    if (out.archiveName === undefined) delete out.archiveNameInferred;
    if (out.country === undefined) delete out.countryInferred;
    return out;
  });

const agentRef = fc.record({ ref: refIndex, role: anyText(8), inferred: reasons }, { requiredKeys: ['ref'] });
/** A place of sending or receipt: a place entity, perhaps inferred. */
const placeRef = fc.record({ ref: refIndex, inferred: reasons }, { requiredKeys: ['ref'] });

const rawCable = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/).map((s) => `d-${s}`),
    idSource: fc.constantFrom('record-id', 'url', 'archive-reference', 'slug'),
    source: fc.record({
      path: someText(16),
      sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
      layout: fc.constantFrom('record-export', 'current-site', 'flat-mirror', 'old-site', 'unknown'),
    }),
    recordId: someText(8),
    urls: fc.array(someText(16), { maxLength: 2 }),
    title: anyText(20),
    documentType: fc.oneof(fc.constantFrom('Cable', 'Minutes of Conversation', 'Memorandum'), anyText(10)),
    catalogueDate: headerDateValue('catalogue'),
    uploadedDate: headerDateValue('uploaded'),
    citation: anyText(30),
    archiveReferences: fc.array(archiveReference, { maxLength: 2 }),
    contributors: fc.array(
      fc.record(
        { role: fc.constantFrom('translator', 'obtainer', 'contributor'), name: anyText(10), forOrganisation: anyText(6), fromLanguage: anyText(6), ref: refIndex },
        { requiredKeys: ['role', 'name'] },
      ),
      { maxLength: 3 },
    ),
    funders: fc.array(anyText(10), { maxLength: 2 }),
    summary: anyText(30),
    originalLanguage: language,
    translationLanguage: language,
    rights: fc.array(anyText(20), { maxLength: 2 }),
    entities: fc.array(entity, { maxLength: 5 }),
    senders: fc.array(agentRef, { maxLength: 2 }),
    addressees: fc.array(agentRef, { maxLength: 2 }),
    participants: fc.array(agentRef, { maxLength: 3 }),
    sentFrom: placeRef,
    receivedAt: placeRef,
    extraFields: fc.array(fc.record({ label: anyText(8), value: anyText(12) }), { maxLength: 2 }),
    body: blocks(),
  },
  {
    requiredKeys: [
      'id', 'idSource', 'source', 'urls', 'archiveReferences', 'contributors', 'funders', 'rights',
      'entities', 'senders', 'addressees', 'participants', 'extraFields', 'body',
    ],
  },
);

// ---------------------------------------------------------------- reference resolution

interface Resolver {
  entities: Entity[];
  noteIds: string[];
}

/** "@3" → the id of entity 3 (mod count), optionally of one kind; undefined when there is none. */
function pickEntity(r: Resolver, placeholder: string, kind?: Entity['kind']): string | undefined {
  const pool = kind ? r.entities.filter((e) => e.kind === kind) : r.entities;
  if (pool.length === 0) return undefined;
  return pool[Number(placeholder.slice(1)) % pool.length]!.id;
}

function resolveInlines(segments: readonly Inline[], r: Resolver): Inline[] {
  const out: Inline[] = [];
  for (const s of segments) {
    switch (s.kind) {
      case 'mention': {
        const content = resolveInlines(s.content, r);
        const ref = pickEntity(r, s.ref, s.entityKind);
        // No entity of that kind: the words stay, as plain text segments.
        if (ref === undefined) out.push(...content);
        else out.push({ ...s, ref, content });
        break;
      }
      case 'quote': {
        const { who, ...rest } = s;
        const resolved = who !== undefined ? pickEntity(r, who) : undefined;
        out.push({ ...rest, content: resolveInlines(s.content, r), ...(resolved !== undefined ? { who: resolved } : {}) });
        break;
      }
      case 'noteRef': {
        const { target, ...rest } = s;
        const id = target !== undefined && r.noteIds.length > 0 ? r.noteIds[Number(target.slice(1)) % r.noteIds.length] : undefined;
        out.push({ ...rest, ...(id !== undefined ? { target: id } : {}) });
        break;
      }
      case 'gloss':
      case 'stamp':
      case 'translatorNote':
        out.push({ ...s, content: resolveInlines(s.content, r) });
        break;
      case 'date': {
        const content = resolveInlines(s.content, r);
        out.push({ ...s, content, value: { ...s.value, verbatim: readingText(content) } });
        break;
      }
      default:
        out.push(s);
    }
  }
  return canonicalInlines(out);
}

function resolveBlock(b: Block, r: Resolver): Block {
  const ri = (x: Inline[]) => resolveInlines(x, r);
  switch (b.kind) {
    case 'heading':
    case 'salute':
    case 'marking':
    case 'paragraph':
      return { ...b, content: ri(b.content) };
    case 'fields':
      return { ...b, fields: b.fields.map((f) => ({ ...f, value: ri(f.value) })) };
    case 'list':
      return { ...b, items: b.items.map((i) => ({ ...i, content: ri(i.content) })) };
    case 'speech': {
      const { who, ...rest } = b;
      const resolved = who !== undefined ? pickEntity(r, who) : undefined;
      return { ...rest, speaker: ri(b.speaker), content: ri(b.content), ...(resolved !== undefined ? { who: resolved } : {}) };
    }
    case 'closer':
      return { ...b, lines: b.lines.map((l) => ({ ...l, content: ri(l.content) })) };
    case 'notes':
      return { ...b, ...(b.heading ? { heading: ri(b.heading) } : {}), notes: b.notes.map((n) => ({ ...n, content: ri(n.content) })) };
    case 'document':
      return { ...b, blocks: b.blocks.map((x) => resolveBlock(x, r)) };
    case 'separator':
    case 'gap':
      return b;
  }
}

function numberNotes(blocksIn: Block[], ids: string[]): Block[] {
  return blocksIn.map((b) => {
    if (b.kind === 'notes') {
      return { ...b, notes: b.notes.map((n) => { const id = `fn${ids.length + 1}`; ids.push(id); return { ...n, id }; }) };
    }
    if (b.kind === 'document') return { ...b, blocks: numberNotes(b.blocks, ids) };
    return b;
  });
}

/** A complete cable whose references all resolve. */
export const cableArbitrary: fc.Arbitrary<Cable> = rawCable.map((raw): Cable => {
  const entities: Entity[] = raw.entities.map((e, i) => ({ ...e, id: `e${i + 1}` }) as Entity);
  const noteIds: string[] = [];
  const numbered = numberNotes(raw.body, noteIds);
  const r: Resolver = { entities, noteIds };
  const agents = (list: typeof raw.senders) =>
    entities.length === 0 ? [] : list.map((a) => ({ ...a, ref: pickEntity(r, a.ref)! }));
  // Correspondents are people and organisations: a place in correspAction is where a cable went from or to.
  const parties = entities.filter((e) => e.kind !== 'place');
  const correspondents = (list: typeof raw.senders) =>
    parties.length === 0 ? [] : list.map((a) => ({ ...a, ref: parties[Number(a.ref.slice(1)) % parties.length]!.id }));
  const place = (p: typeof raw.sentFrom) => {
    const ref = p === undefined ? undefined : pickEntity(r, p.ref, 'place');
    return ref === undefined ? undefined : { ...p, ref };
  };
  const { sentFrom, receivedAt, ...rest } = raw;
  const from = place(sentFrom);
  const to = place(receivedAt);
  return {
    ...rest,
    ...(from ? { sentFrom: from } : {}),
    ...(to ? { receivedAt: to } : {}),
    entities,
    contributors: raw.contributors.map((c) => {
      const { ref, ...rest } = c;
      const resolved = ref !== undefined ? pickEntity(r, ref) : undefined;
      return { ...rest, ...(resolved !== undefined ? { ref: resolved } : {}) };
    }),
    senders: correspondents(raw.senders),
    addressees: correspondents(raw.addressees),
    participants: agents(raw.participants),
    body: numbered.map((b) => resolveBlock(b, r)),
  };
});
