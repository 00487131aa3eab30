import { createHash } from 'node:crypto';
import type { CablekitConfig } from '../../config/config.js';
import type { Block, FieldsBlock } from '../../model/blocks.js';
import type { AgentRef, ArchiveReference, Cable, Contributor, Language } from '../../model/cable.js';
import type { DateValue } from '../../model/dates.js';
import type { Inline } from '../../model/inline.js';
import { cableReadingText, normalizeWhitespace, readingText } from '../../model/reading-text.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ENCODER_RELATOR, ID, RELATOR_BASE, ROLE_RELATOR, ROLE_RESP_TEXT } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';
import { dateAttrs } from './encode-date.js';
import { EDITORIAL_POLICY } from './editorial-policy.js';

const NAME_ELEMENT = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

function encodeContributor(c: Contributor, index: number): XElement {
  return el('respStmt', [['xml:id', ID.contributor(index + 1)]], [
    el('resp', [['ref', RELATOR_BASE + ROLE_RELATOR[c.role]]], [ROLE_RESP_TEXT[c.role]]),
    el('persName', [['ref', c.ref !== undefined ? `#${c.ref}` : undefined]], [c.name]),
    c.forOrganisation !== undefined && el('orgName', [['role', 'commissioner']], [c.forOrganisation]),
    c.fromLanguage !== undefined && el('note', [['type', 'from-language']], [c.fromLanguage]),
  ]);
}

function titleStmt(cable: Cable): XElement {
  return el('titleStmt', [], [
    cable.title !== undefined
      ? el('title', [['type', 'main']], [cable.title])
      : el('title', [['type', 'untitled']], ['Untitled document']),
    ...cable.contributors.map(encodeContributor),
    el('respStmt', [['xml:id', ID.encoder]], [
      el('resp', [['ref', RELATOR_BASE + ENCODER_RELATOR]], ['Encoded in TEI by']),
      el('name', [['type', 'software']], [`${TOOL_NAME} ${TOOL_VERSION}`]),
    ]),
    ...cable.funders.map((f) => el('funder', [], [f])),
  ]);
}

function publicationStmt(cable: Cable, config: CablekitConfig): XElement {
  return el('publicationStmt', [], [
    el('publisher', [], [config.publisher]),
    el('idno', [['type', 'document'], ['subtype', cable.idSource]], [cable.id]),
    el('availability', [], [el('licence', [['target', config.rightsUri]], cable.rights.map((r) => el('p', [], [r])))]),
  ]);
}

function notesStmt(cable: Cable): XElement | undefined {
  if (cable.extraFields.length === 0) return undefined;
  return el(
    'notesStmt',
    [],
    cable.extraFields.map((f) => el('note', [['type', 'page-field']], [el('label', [], [f.label]), f.value])),
  );
}

function headerDate(value: DateValue, ctx: EncodeContext): XElement {
  return el('date', dateAttrs(value, ctx), [value.verbatim]);
}

function digitalArchiveBibl(cable: Cable, ctx: EncodeContext): XElement {
  return el('bibl', [['type', 'digital-archive']], [
    cable.catalogueDate && headerDate(cable.catalogueDate, ctx),
    cable.uploadedDate && headerDate(cable.uploadedDate, ctx),
    ...cable.urls.map((u) => el('idno', [['type', 'URI']], [u])),
    cable.recordId !== undefined && el('idno', [['type', 'record']], [cable.recordId]),
    ...cable.archiveReferences.map((r, i) =>
      el('idno', [['type', 'archival-citation'], ['xml:id', ID.archiveCitation(i + 1)]], [r.verbatim]),
    ),
    cable.citation !== undefined && el('note', [['type', 'citation']], [cable.citation]),
  ]);
}

function acquisition(cable: Cable): XElement | undefined {
  const obtainers = cable.contributors.filter((c) => c.role === 'obtainer');
  if (obtainers.length === 0) return undefined;
  const children: (XElement | string)[] = ['Obtained by '];
  obtainers.forEach((c, i) => {
    if (i > 0) children.push(i === obtainers.length - 1 ? ' and ' : ', ');
    children.push(el('persName', [['ref', c.ref !== undefined ? `#${c.ref}` : undefined]], [c.name]));
  });
  return el('history', [], [el('acquisition', [], children)]);
}

function languageCode(lang: Language | undefined): string | undefined {
  return lang?.code;
}

function msDesc(ref: ArchiveReference, index: number, cable: Cable, ctx: EncodeContext): XElement {
  const first = index === 0;
  const original = cable.originalLanguage;
  // An msItem needs more than a locus: the language of the original always goes with it.
  const hasItem = ref.pages !== undefined || original !== undefined;
  const msItemChildren = [
    ref.pages && el('locus', [['from', ref.pages.from], ['to', ref.pages.to]], [ref.pages.verbatim]),
    el('textLang', [['mainLang', languageCode(original)]], [original?.label ?? '']),
  ];
  return el('msDesc', [['corresp', `#${ID.archiveCitation(index + 1)}`], ['type', ref.isPublication ? 'publication' : undefined]], [
    el('msIdentifier', [], [
      ref.country !== undefined && el('country', [['ana', anaFor(ctx, ref.countryInferred)]], [ref.country]),
      ref.archiveName !== undefined && el('institution', [['ana', anaFor(ctx, ref.archiveNameInferred)]], [ref.archiveName]),
      ref.archive !== undefined && el('repository', [], [ref.archive]),
      ...ref.units.map((u) => el('idno', [['type', 'archival'], ['subtype', u.type], ['n', u.label]], [u.value])),
      first &&
        cable.recordId !== undefined &&
        el('altIdentifier', [['type', 'record']], [el('idno', [['type', 'record']], [cable.recordId])]),
    ]),
    hasItem && el('msContents', [], [el('msItem', [], msItemChildren)]),
    first && acquisition(cable),
  ]);
}

function sourceDesc(cable: Cable, ctx: EncodeContext): XElement {
  return el('sourceDesc', [], [
    digitalArchiveBibl(cable, ctx),
    ...cable.archiveReferences.map((r, i) => msDesc(r, i, cable, ctx)),
  ]);
}

function encodingDesc(ctx: EncodeContext): XElement {
  const doctypes = [...ctx.doctypeIds].map(([label, id]) => el('category', [['xml:id', id]], [el('catDesc', [], [label])]));
  const reasons = [...ctx.inferenceIds].map(([reason, id]) =>
    el('category', [['xml:id', id]], [el('catDesc', [], [reason])]),
  );
  return el('encodingDesc', [], [
    el('editorialDecl', [], EDITORIAL_POLICY.map((p) => el('p', [], [p]))),
    el('classDecl', [], [
      el('taxonomy', [['xml:id', ID.doctypeTaxonomy]], [el('desc', [], ['Document types (controlled list)']), ...doctypes]),
      reasons.length > 0 &&
        el('taxonomy', [['xml:id', ID.inferenceTaxonomy]], [
          el('desc', [], ['Why a value not written in the source was inferred']),
          ...reasons,
        ]),
    ]),
  ]);
}

function agentName(a: AgentRef, ctx: EncodeContext): XElement {
  const kind = ctx.entityKinds.get(a.ref);
  const entity = ctx.cable.entities.find((e) => e.id === a.ref);
  return el(kind !== undefined ? NAME_ELEMENT[kind] : 'name', [['ref', `#${a.ref}`], ['ana', anaFor(ctx, a.inferred)]], [
    entity?.name ?? '',
    a.role !== undefined && el('roleName', [['type', 'as-written']], [a.role]),
  ]);
}

function firstDateOf(blocks: readonly Block[], origin: DateValue['origin']): DateValue | undefined {
  const find = (segments: readonly Inline[]): DateValue | undefined => {
    for (const s of segments) {
      if (s.kind === 'date' && s.value.origin === origin) return s.value;
      if ('content' in s && Array.isArray(s.content)) {
        const d = find(s.content);
        if (d) return d;
      }
    }
    return undefined;
  };
  for (const b of blocks) {
    if (b.kind === 'closer') for (const l of b.lines) {
      const d = find(l.content);
      if (d) return d;
    }
    if (b.kind === 'document') {
      const d = firstDateOf(b.blocks, origin);
      if (d) return d;
    }
  }
  return undefined;
}

function correspAction(type: 'sent' | 'received', agents: AgentRef[], date: DateValue | undefined, ctx: EncodeContext): XElement {
  const who = type === 'sent' ? 'Sender' : 'Addressee';
  return el('correspAction', [['type', type]], [
    ...agents.map((a) => agentName(a, ctx)),
    // CMIF wants a name in every action: an unknown party is said to be unknown, not left out.
    agents.length === 0 && el('persName', [['type', 'unknown']], [`${who} not stated in the source`]),
    date && el('date', dateAttrs(date, ctx), [date.verbatim]),
  ]);
}

function languageElement(lang: Language, id: string, ctx: EncodeContext): XElement {
  return el('language', [['ident', lang.code ?? 'und'], ['xml:id', id], ['ana', anaFor(ctx, lang.inferred)]], [lang.label]);
}

function fieldsBlocks(blocks: readonly Block[]): FieldsBlock[] {
  return blocks.flatMap((b) => (b.kind === 'fields' ? [b] : b.kind === 'document' ? fieldsBlocks(b.blocks) : []));
}

function firstDateIn(segments: readonly Inline[]): DateValue | undefined {
  for (const s of segments) {
    if (s.kind === 'date') return s.value;
    if ('content' in s && Array.isArray(s.content)) {
      const d = firstDateIn(s.content);
      if (d) return d;
    }
  }
  return undefined;
}

function settingDesc(cable: Cable, ctx: EncodeContext): XElement | undefined {
  const settings: XElement[] = [];
  for (const block of fieldsBlocks(cable.body)) {
    const parts: XElement[] = [];
    for (const f of block.fields) {
      if (f.role === 'place') parts.push(el('placeName', [], [readingText(f.value)]));
      if (f.role === 'time' || f.role === 'date') {
        const d = firstDateIn(f.value);
        parts.push(el('date', d ? dateAttrs(d, ctx) : [], [readingText(f.value)]));
      }
    }
    if (parts.length > 0) settings.push(el('setting', [], parts));
  }
  return settings.length > 0 ? el('settingDesc', [], settings) : undefined;
}

function particDesc(cable: Cable, ctx: EncodeContext): XElement | undefined {
  if (cable.participants.length === 0) return undefined;
  const children: (XElement | string)[] = [];
  cable.participants.forEach((a, i) => {
    if (i > 0) children.push('; ');
    children.push(agentName(a, ctx));
  });
  return el('particDesc', [], [el('p', [], children)]);
}

function profileDesc(cable: Cable, ctx: EncodeContext): XElement {
  const sentDate = firstDateOf(cable.body, 'closer') ?? cable.catalogueDate;
  const doctypeId = cable.documentType !== undefined ? ctx.doctypeIds.get(cable.documentType) : undefined;
  return el('profileDesc', [], [
    cable.summary !== undefined && el('abstract', [], [el('p', [], [cable.summary])]),
    el('correspDesc', [], [
      correspAction('sent', cable.senders, sentDate, ctx),
      correspAction('received', cable.addressees, undefined, ctx),
    ]),
    ctx.usesHandwriting &&
      el('handNotes', [], [el('handNote', [['xml:id', ID.hand]], ['Handwritten additions on the original, as reported by the translator.'])]),
    el('langUsage', [], [
      cable.translationLanguage
        ? languageElement(cable.translationLanguage, ID.translationLanguage, ctx)
        : el('language', [['ident', 'en']], ['English']),
      cable.originalLanguage && languageElement(cable.originalLanguage, ID.originalLanguage, ctx),
    ]),
    particDesc(cable, ctx),
    settingDesc(cable, ctx),
    doctypeId !== undefined && el('textClass', [], [el('catRef', [['scheme', `#${ID.doctypeTaxonomy}`], ['target', `#${doctypeId}`]])]),
  ]);
}

/** sha256 of the whitespace-normalised reading text: lets validation notice a text that drifted from the source. */
export function readingTextChecksum(cable: Pick<Cable, 'body'>): string {
  return createHash('sha256').update(normalizeWhitespace(cableReadingText(cable)), 'utf8').digest('hex');
}

function revisionDesc(cable: Cable, when: string): XElement {
  return el('revisionDesc', [], [
    el('change', [['when', when], ['who', `#${ID.encoder}`]], [
      `Encoded by ${TOOL_NAME} ${TOOL_VERSION} from `,
      el('idno', [['type', 'source-path']], [cable.source.path]),
      ' (layout ',
      el('term', [['type', 'layout']], [cable.source.layout]),
      ', sha256 ',
      el('idno', [['type', 'source-sha256']], [cable.source.sha256]),
      '; reading text sha256 ',
      el('idno', [['type', 'reading-text-sha256']], [readingTextChecksum(cable)]),
      ').',
    ]),
  ]);
}

export function encodeHeader(cable: Cable, config: CablekitConfig, when: string, ctx: EncodeContext): XElement {
  return el('teiHeader', [], [
    el('fileDesc', [], [titleStmt(cable), publicationStmt(cable, config), notesStmt(cable), sourceDesc(cable, ctx)]),
    encodingDesc(ctx),
    profileDesc(cable, ctx),
    revisionDesc(cable, when),
  ]);
}
