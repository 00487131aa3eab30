import type { ArchiveReference, Cable, Language } from '../../model/cable.js';
import type { DateValue } from '../../model/dates.js';
import { ID } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';
import { dateAttrs } from './encode-date.js';

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

export function sourceDesc(cable: Cable, ctx: EncodeContext): XElement {
  return el('sourceDesc', [], [
    digitalArchiveBibl(cable, ctx),
    ...cable.archiveReferences.map((r, i) => msDesc(r, i, cable, ctx)),
  ]);
}
