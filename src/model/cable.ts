import type { Block } from './blocks.js';
import type { DateValue } from './dates.js';

/** The page layouts of the Wilson Center Digital Archive that ingest recognises. */
export type Layout = 'record-export' | 'current-site' | 'flat-mirror' | 'old-site' | 'unknown';

/** A value that is not written in the source but derived from it; `inferred` says how. */
export interface Inferable {
  inferred?: string;
}

/** Where a cable came from: the file read and its checksum (provenance of the encoding). */
export interface SourceFile {
  /** Path as given to ingest, '/'-separated and relative to the sources folder when possible. */
  path: string;
  /** sha256 of the file's bytes, lowercase hex. */
  sha256: string;
  layout: Layout;
}

export interface Language extends Inferable {
  /** As written: "Chinese", "Translation - English". */
  label: string;
  /** ISO 639-1 (or 639-3 when there is no 639-1) derived from the label. */
  code?: string;
}

export type ArchiveUnitType =
  | 'fond'
  | 'opis'
  | 'delo'
  | 'list'
  | 'file'
  | 'folder'
  | 'box'
  | 'series'
  | 'collection'
  | 'item'
  | 'signature'
  | 'other';

export interface ArchiveUnit {
  type: ArchiveUnitType;
  /** The label as written ("Fond", "opis", "doboz"), absent for unlabelled parts ("106-01480-05"). */
  label?: string;
  value: string;
}

/** "PRC FMA 106-01480-05, 46-49": always the verbatim string, plus what could be parsed. */
export interface ArchiveReference {
  verbatim: string;
  /** The archive as written in the reference: "PRC FMA", "APRF", "SAPMO-BArch". */
  archive?: string;
  /** Full name of the archive when known from a shipped table or the reference itself. */
  archiveName?: string;
  archiveNameInferred?: string;
  /** ISO 3166-1 alpha-2 country of the archive, from the project's archive table (always inferred). */
  country?: string;
  countryInferred?: string;
  units: ArchiveUnit[];
  /** Pages or folios as written: from "46", to "49"; a single page has no `to`. */
  pages?: { verbatim: string; from: string; to?: string };
  /** A publication rather than an archive ("CWIHP Working Paper 22, …"). */
  isPublication?: boolean;
}

export type ContributorRole = 'translator' | 'obtainer' | 'contributor';

export interface Contributor {
  role: ContributorRole;
  /** Name as written. */
  name: string;
  /** "Translated for NKIDP by …": the organisation the work was done for. */
  forOrganisation?: string;
  /** "Translated from German by …". */
  fromLanguage?: string;
  /** Entity id in `Cable.entities`. */
  ref?: string;
}

export type EntityKind = 'person' | 'org' | 'place';

/** A person, organisation or place; mentions and roles point to it by `id`. */
export interface Entity extends Inferable {
  /** xml:id-safe, unique within the cable. */
  id: string;
  kind: EntityKind;
  /** Preferred name as written in the source. */
  name: string;
  /** Other forms used for it in this cable ("Kim", "KIM", "(hereafter Kim)"). */
  aliases: string[];
  /** Authority identifiers: { scheme: 'wikidata', id: 'Q…' }. Only from a shipped authority file. */
  authority?: { scheme: string; id: string }[];
  /** WGS84 coordinates for places, only from a shipped authority file. */
  coordinates?: { lat: number; lon: number };
}

/** A reference to an entity in a role (sender, addressee, participant). */
export interface AgentRef extends Inferable {
  ref: string;
  /** Role or side as written: "Korean side", "Interpreter". */
  role?: string;
}

/** A labelled field of the page that has no dedicated place in the model; kept, never dropped. */
export interface ExtraField {
  label: string;
  value: string;
}

export interface Cable {
  /** Stable document id (xml:id-safe): from the record id, else the archive reference, else a slug. */
  id: string;
  /** How the id was made: 'record-id' | 'url' | 'archive-reference' | 'slug'. */
  idSource: 'record-id' | 'url' | 'archive-reference' | 'slug';
  /** Set when the id carries a suffix from the page's text (weak source or a collision): why. */
  idInferred?: string;
  source: SourceFile;
  recordId?: string;
  /** Every URL of the document given by the page, in order. */
  urls: string[];
  title?: string;
  /** Set when the title is not the page's title line (taken from the citation): why. */
  titleInferred?: string;
  documentType?: string;
  catalogueDate?: DateValue;
  uploadedDate?: DateValue;
  /** The citation paragraph, verbatim. */
  citation?: string;
  archiveReferences: ArchiveReference[];
  contributors: Contributor[];
  /** Funders as written, one per organisation. */
  funders: string[];
  summary?: string;
  originalLanguage?: Language;
  translationLanguage?: Language;
  /** Rights paragraphs, verbatim. */
  rights: string[];
  entities: Entity[];
  senders: AgentRef[];
  addressees: AgentRef[];
  participants: AgentRef[];
  /**
   * Where the cable was sent from, when the source says so: a place entity. Written when a closer's
   * dateline names it ("Pyongyang, 12 May 1965"); inferred (with the reason) when only the page's
   * title states it ("Telegram from Pyongyang to Bucharest", "… Ambassador in North Korea …").
   */
  sentFrom?: AgentRef;
  /** Where the cable was sent to, when the page's title states it ("… from Pyongyang to Bucharest"): always inferred. */
  receivedAt?: AgentRef;
  /** Labelled page fields kept as they are (facet values, "Contents", unknown labels). */
  extraFields: ExtraField[];
  body: Block[];
}
