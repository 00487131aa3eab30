import type { Cable, Entity } from '../model/cable.js';

/** Facts about a cable that several parts of the site show (page, citation, browse): one reading of the model. */

export function titleOf(cable: Cable): string {
  return cable.title ?? cable.id;
}

function entityName(cable: Cable, ref: string): string | undefined {
  return cable.entities.find((e) => e.id === ref)?.name;
}

/** The senders, as named in the standOff: a cable's authors. */
export function authorsOf(cable: Cable): string[] {
  return cable.senders.map((s) => entityName(cable, s.ref)).filter((n): n is string => n !== undefined);
}

export function recipientsOf(cable: Cable): string[] {
  return cable.addressees.map((s) => entityName(cable, s.ref)).filter((n): n is string => n !== undefined);
}

export function translatorsOf(cable: Cable): string[] {
  return cable.contributors.filter((c) => c.role === 'translator').map((c) => c.name);
}

export function obtainersOf(cable: Cable): string[] {
  return cable.contributors.filter((c) => c.role === 'obtainer').map((c) => c.name);
}

/** The archive's name: the full name when known, else as the reference writes it. */
export function archiveOf(cable: Cable): string | undefined {
  const ref = cable.archiveReferences.find((r) => !r.isPublication) ?? cable.archiveReferences[0];
  return ref?.archiveName ?? ref?.archive;
}

export function archiveReferenceOf(cable: Cable): string | undefined {
  return cable.archiveReferences[0]?.verbatim;
}

/** ISO date of the catalogue, when it has one ("1965-12-15", "1965-12", "1965"). */
export function catalogueIso(cable: Cable): string | undefined {
  const d = cable.catalogueDate;
  return d?.when ?? d?.notBefore;
}

export function yearOf(cable: Cable): string | undefined {
  return /^(\d{4})/.exec(catalogueIso(cable) ?? '')?.[1];
}

/** Language of the text the site shows: the translation's, English when the TEI does not say. */
export function textLanguage(cable: Cable): string {
  return cable.translationLanguage?.code ?? 'en';
}

export function entitiesOf(cable: Cable, kind: Entity['kind']): Entity[] {
  return cable.entities.filter((e) => e.kind === kind);
}

/** The archive page the document was taken from (the first http URL the page gave). */
export function sourceUrlOf(cable: Cable): string | undefined {
  return cable.urls.find((u) => /^https?:\/\//i.test(u));
}
