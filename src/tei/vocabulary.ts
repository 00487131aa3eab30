import type { ContributorRole } from '../model/cable.js';
import type { Delimiter } from '../model/inline.js';

/** Names and controlled values of the cable TEI profile, shared by encoder, decoder and rules. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Delimiters are written as @rend tokens so the reading text can restore the brackets exactly. */
export const DELIMITERS: readonly Delimiter[] = ['square', 'double-square', 'round', 'square-open', 'none'];

export function isDelimiter(s: string | undefined): s is Delimiter {
  return s !== undefined && (DELIMITERS as readonly string[]).includes(s);
}

/** MARC relator terms (id.loc.gov) for the roles a page credits. */
export const RELATOR_BASE = 'http://id.loc.gov/vocabulary/relators/';
export const ROLE_RELATOR: Record<ContributorRole, string> = {
  translator: 'trl',
  obtainer: 'col',
  contributor: 'ctb',
};
export const ROLE_RESP_TEXT: Record<ContributorRole, string> = {
  translator: 'Translated by',
  obtainer: 'Obtained by',
  contributor: 'Contributed by',
};
/** MARC "mrk" (markup editor): the software that wrote the TEI. */
export const ENCODER_RELATOR = 'mrk';

/**
 * Ids the encoder generates start with "ck-" so they cannot meet the ids ingest gives to
 * entities and notes; "doctype" is the taxonomy the profile names.
 */
export const ID = {
  encoder: 'ck-encoder',
  doctypeTaxonomy: 'doctype',
  inferenceTaxonomy: 'ck-inference',
  hand: 'ck-hand',
  originalLanguage: 'ck-lang-original',
  translationLanguage: 'ck-lang-translation',
  contributor: (i: number) => `ck-resp-${i}`,
  archiveCitation: (i: number) => `ck-archref-${i}`,
  inference: (i: number) => `ck-inf-${i}`,
  doctype: (slug: string) => `ck-doctype-${slug}`,
} as const;

/** The controlled list of document types; types met in a cable that are not listed are added to its copy. */
export const KNOWN_DOCUMENT_TYPES: readonly string[] = [
  'Cable',
  'Telegram',
  'Letter',
  'Memorandum',
  'Memorandum of Conversation',
  'Minutes of Conversation',
  'Record of Conversation',
  'Minutes',
  'Report',
  'Diary Entry',
  'Speech',
  'Note',
  'Resolution',
  'Transcript',
  'Directive',
  'Statement',
];

export const MARKING_TYPES = [
  'classification',
  'copy',
  'registry',
  'urgency',
  'transmission',
  'distribution',
  'review',
  'other',
] as const;

export const FIELD_ROLES = [
  'time',
  'date',
  'place',
  'participants',
  'interpreter',
  'recorder',
  'observer',
  'to',
  'from',
  'subject',
  'classification',
  'copy',
  'sent',
  'received',
  'other',
] as const;

export const EDITORIAL_TYPES = [
  'emphasis',
  'no-name',
  'illegible-signature',
  'signature',
  'redacted',
  'query',
  'review',
  'other',
] as const;

export function oneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/**
 * Elements the profile uses as pure containers: only these are indented when written, and
 * whitespace between their children is not text. Every other element holds mixed content.
 */
export const CONTAINER_ELEMENTS: ReadonlySet<string> = new Set([
  'TEI', 'teiHeader', 'fileDesc', 'titleStmt', 'respStmt', 'publicationStmt', 'availability', 'licence',
  'notesStmt', 'sourceDesc', 'bibl', 'msDesc', 'msIdentifier', 'altIdentifier', 'msContents', 'msItem',
  'history', 'encodingDesc', 'editorialDecl', 'classDecl', 'taxonomy', 'category', 'profileDesc',
  'abstract', 'correspDesc', 'correspAction', 'handNotes', 'langUsage', 'particDesc', 'settingDesc',
  'setting', 'textClass', 'revisionDesc', 'standOff', 'listPerson', 'listOrg', 'listPlace', 'person',
  'org', 'place', 'location', 'text', 'body', 'div', 'list', 'sp', 'closer', 'opener', 'noteGrp', 'gap',
]);
