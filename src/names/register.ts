import type { EntityKind } from '../model/cable.js';

/** Authority schemes a register entry may carry, in the order they are written out. */
export const AUTHORITY_SCHEMES = ['wikidata', 'viaf', 'gnd', 'geonames'] as const;
export type AuthorityScheme = (typeof AUTHORITY_SCHEMES)[number];

/** One person, organisation or place of a name register. */
export interface RegisterEntry {
  key: string;
  kind: EntityKind;
  /** Preferred name. */
  name: string;
  /** Other full forms of the name ("Kim Il-sung", "Mao Tse-tung"). */
  variants: string[];
  /** A title with a surname ("Premier Kim"): counts only when no further capitalised name follows. */
  titled: string[];
  authority: Partial<Record<AuthorityScheme, string>>;
  coordinates?: { lat: number; lon: number };
  /** Where the facts of the entry were checked. */
  checked: string;
}

/** A register: entries, forms that are never linked and reported, and forms known to be something else. */
export interface NameRegister {
  /** 'edition' for the editor's register, 'shipped' for cablekit's own. */
  origin: 'edition' | 'shipped';
  entries: RegisterEntry[];
  ambiguous: string[];
  unlinked: string[];
}

export const EMPTY_REGISTER: NameRegister = { origin: 'shipped', entries: [], ambiguous: [], unlinked: [] };

/** What an id of each scheme looks like: a register entry's ids must have this shape. */
export const AUTHORITY_ID_SHAPE: Record<AuthorityScheme, RegExp> = {
  wikidata: /^Q[1-9][0-9]*$/,
  viaf: /^[1-9][0-9]*$/,
  gnd: /^[0-9X-]+$/,
  geonames: /^[1-9][0-9]*$/,
};

/**
 * The URI of an authority id (the form Linked Data and CMIF expect); undefined for another scheme
 * or an id without the scheme's shape (a hand edit), which is then kept as it is, never turned into a wrong URI.
 */
export function authorityUri(scheme: string, id: string): string | undefined {
  if (!(AUTHORITY_SCHEMES as readonly string[]).includes(scheme) || !AUTHORITY_ID_SHAPE[scheme as AuthorityScheme].test(id)) return undefined;
  switch (scheme) {
    case 'wikidata':
      return `http://www.wikidata.org/entity/${id}`;
    case 'viaf':
      return `http://viaf.org/viaf/${id}`;
    case 'gnd':
      return `https://d-nb.info/gnd/${id}`;
    case 'geonames':
      return `https://sws.geonames.org/${id}/`;
    default:
      return undefined;
  }
}

const URI_FORMS: [AuthorityScheme, RegExp][] = [
  ['wikidata', /^https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/(Q[1-9][0-9]*)$/],
  ['viaf', /^https?:\/\/(?:www\.)?viaf\.org\/viaf\/([1-9][0-9]*)\/?$/],
  ['gnd', /^https?:\/\/d-nb\.info\/gnd\/([0-9X-]+)\/?$/],
  ['geonames', /^https?:\/\/(?:sws\.|www\.)?geonames\.org\/([1-9][0-9]*)(?:\/.*)?$/],
];

/** The scheme and id of an authority URI (the forms authorityUri writes, and their common variants); undefined for any other URI. */
export function authorityFromUri(uri: string): { scheme: AuthorityScheme; id: string } | undefined {
  const u = uri.trim();
  for (const [scheme, pattern] of URI_FORMS) {
    const m = pattern.exec(u);
    if (m) return { scheme, id: m[1]! };
  }
  return undefined;
}
