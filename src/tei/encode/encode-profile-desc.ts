import type { Block, FieldsBlock } from '../../model/blocks.js';
import type { AgentRef, Cable, Language } from '../../model/cable.js';
import type { DateValue } from '../../model/dates.js';
import type { Inline } from '../../model/inline.js';
import { readingText } from '../../model/reading-text.js';
import { ID } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';
import { dateAttrs } from './encode-date.js';

const NAME_ELEMENT = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

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

function correspAction(type: 'sent' | 'received', agents: AgentRef[], place: AgentRef | undefined, date: DateValue | undefined, ctx: EncodeContext): XElement {
  const who = type === 'sent' ? 'Sender' : 'Addressee';
  return el('correspAction', [['type', type]], [
    ...agents.map((a) => agentName(a, ctx)),
    // CMIF wants a name in every action: an unknown party is said to be unknown, not left out.
    agents.length === 0 && el('persName', [['type', 'unknown']], [`${who} not stated in the source`]),
    // The place of sending or receipt, only when the source states it (a standOff place).
    place && ctx.entityKinds.get(place.ref) === 'place' && agentName(place, ctx),
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

export function profileDesc(cable: Cable, ctx: EncodeContext): XElement {
  const sentDate = firstDateOf(cable.body, 'closer') ?? cable.catalogueDate;
  const doctypeId = cable.documentType !== undefined ? ctx.doctypeIds.get(cable.documentType) : undefined;
  return el('profileDesc', [], [
    cable.summary !== undefined && el('abstract', [], [el('p', [], [cable.summary])]),
    el('correspDesc', [], [
      correspAction('sent', cable.senders, cable.sentFrom, sentDate, ctx),
      correspAction('received', cable.addressees, cable.receivedAt, undefined, ctx),
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
