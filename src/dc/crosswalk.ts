import type { CablekitConfig } from '../config/config.js';
import type { Cable, DateValue, Entity } from '../model/index.js';
import { collectDates, normalizeWhitespace } from '../model/index.js';
import type { DcDate, DcFields, DcPlace, DcSubject } from './dc-fields.js';
import { authorityUri } from '../names/index.js';
import { documentPageUrl, editionUrls } from '../edition/layout.js';
import { toW3cdtf } from './w3cdtf.js';
import { stripNonXmlChars } from './xml-text.js';

/** The MIME type of the edition that the records describe: the TEI file. */
export const EDITION_FORMAT = 'application/tei+xml';

type DcConfig = Pick<CablekitConfig, 'baseUrl' | 'publisher' | 'rightsUri' | 'siteDir'>;

/** Absolute URI syntax as the dcterms:URI scheme checks it (no spaces, quotes or angle brackets). */
export function isUri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"]+$/.test(value);
}

/** A BCP 47 / RFC 4646 language tag (the dcterms:RFC4646 scheme). */
export function isLanguageTag(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(value);
}

/** Whitespace runs (line breaks of the source included) become one space; empty values disappear. */
function clean(text: string | undefined): string | undefined {
  // Characters XML cannot carry go first, so a value made only of them counts as empty.
  const value = text === undefined ? undefined : normalizeWhitespace(stripNonXmlChars(text));
  return value ? value : undefined;
}

function distinct(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const c = clean(v);
    if (c !== undefined && !out.includes(c)) out.push(c);
  }
  return out;
}

/** A date value as DC can carry it: the W3CDTF form of `when`, else the interval "notBefore/notAfter". */
function dcDate(date: DateValue | undefined): DcDate | undefined {
  if (!date) return undefined;
  const when = clean(date.when);
  if (when !== undefined) {
    const w3c = toW3cdtf(when);
    return w3c ? { value: w3c, w3cdtf: true } : { value: when, w3cdtf: false };
  }
  const notBefore = clean(date.notBefore);
  const notAfter = clean(date.notAfter);
  if (notBefore !== undefined || notAfter !== undefined) {
    return { value: `${notBefore ?? '..'}/${notAfter ?? '..'}`, w3cdtf: false };
  }
  return undefined;
}

function entityName(cable: Cable, ref: string): string | undefined {
  return cable.entities.find((e) => e.id === ref)?.name;
}

/** The authority URIs of an entity, GeoNames first for places (what gazetteers and maps look for). */
function urisOf(entity: Entity): string[] {
  const schemes = entity.kind === 'place' ? ['geonames', 'wikidata', 'viaf', 'gnd'] : ['wikidata', 'viaf', 'gnd', 'geonames'];
  const known = (entity.authority ?? []).flatMap((a) => {
    const uri = authorityUri(a.scheme, a.id.trim());
    return uri !== undefined && isUri(uri) ? [{ rank: schemes.indexOf(a.scheme), uri }] : [];
  });
  return distinct(known.sort((a, b) => a.rank - b.rank).map((k) => k.uri));
}

/** Persons and organisations the cable is about: not its contributors (translators…) nor its senders (dc:creator). */
function subjects(cable: Cable): DcSubject[] {
  const excluded = new Set([...cable.contributors.map((c) => c.ref), ...cable.senders.map((s) => s.ref)]);
  const out: DcSubject[] = [];
  for (const e of cable.entities) {
    const name = clean(e.name);
    if (e.kind === 'place' || excluded.has(e.id) || name === undefined) continue;
    const same = out.find((s) => s.name === name);
    if (same) same.uris = distinct([...same.uris, ...urisOf(e)]);
    else out.push({ name, uris: urisOf(e) });
  }
  return out;
}

/** Places the text names; coordinates and URIs only when a register or authority file supplied them. */
function places(cable: Cable): DcPlace[] {
  const out: DcPlace[] = [];
  for (const e of cable.entities) {
    const name = clean(e.name);
    if (e.kind !== 'place' || name === undefined || out.some((p) => p.name === name)) continue;
    const place: DcPlace = { name, uris: urisOf(e) };
    if (e.coordinates) place.point = `east=${e.coordinates.lon}; north=${e.coordinates.lat}`;
    out.push(place);
  }
  return out;
}

/** Dates the running text discusses (not the catalogue or upload dates), distinct, in time order. */
function discussedDates(cable: Cable): DcDate[] {
  const seen = new Map<string, DcDate>();
  for (const d of collectDates({ body: cable.body })) {
    if (d.origin !== 'text') continue;
    const value = dcDate(d);
    if (value && !seen.has(value.value)) seen.set(value.value, value);
  }
  return [...seen.values()].sort((a, b) => a.value.localeCompare(b.value));
}

/**
 * The crosswalk from the cable model (decoded from TEI) to Dublin Core values.
 * Documented field by field in docs/crosswalk.md; nothing here is made up: a value the TEI
 * does not give is left out.
 */
export function cableToDcFields(cable: Cable, config: DcConfig): DcFields {
  const urls = editionUrls(config.baseUrl);
  const textLanguage = cable.translationLanguage?.code ?? 'en';
  const fields: DcFields = {
    textLanguage,
    creators: distinct(cable.senders.map((s) => entityName(cable, s.ref))),
    contributors: distinct(cable.contributors.map((c) => c.name)),
    dcmiType: 'Text',
    format: EDITION_FORMAT,
    // The link-back to the document's page in the edition comes first (harvesters link the first URI).
    identifiers: distinct([documentPageUrl(config, cable.id), ...cable.urls.filter((u) => /^https?:\/\//i.test(u) && isUri(u)), urls.tei(cable.id)]),
    sources: distinct(cable.archiveReferences.map((r) => r.verbatim)),
    manifestUrl: urls.manifest(cable.id),
    rightsTexts: distinct(cable.rights),
    subjects: subjects(cable),
    spatial: places(cable),
    temporal: discussedDates(cable),
  };
  const publisher = clean(config.publisher);
  if (publisher !== undefined) fields.publisher = publisher;
  const rightsUri = clean(config.rightsUri);
  if (rightsUri !== undefined) fields.rightsUri = rightsUri;
  const title = clean(cable.title);
  if (title !== undefined) fields.title = title;
  const abstract = clean(cable.summary);
  if (abstract !== undefined) fields.abstract = abstract;
  const created = dcDate(cable.catalogueDate);
  if (created) fields.created = created;
  const documentType = clean(cable.documentType);
  if (documentType !== undefined) fields.documentType = documentType;
  const citation = clean(cable.citation);
  if (citation !== undefined) fields.citation = citation;
  const original = cable.originalLanguage;
  const originalLabel = clean(original?.label);
  if (original && originalLabel !== undefined) {
    fields.originalLanguage = original.code !== undefined ? { label: originalLabel, code: original.code } : { label: originalLabel };
  }
  return fields;
}

/** The text of the relation that names the language the cable was translated from. */
export function originalLanguageRelation(original: { label: string; code?: string }): string {
  return `Original language: ${original.label}${original.code !== undefined ? ` (${original.code})` : ''}`;
}
