import type { Entity } from '../model/cable.js';
import type { AuthorityPlace } from '../stage/assets.js';

export type { AuthorityPlace };

/** Places by every name they go by, lower-cased: the only source of coordinates. */
export interface PlaceAuthority {
  byName: ReadonlyMap<string, AuthorityPlace>;
}

export const EMPTY_PLACE_AUTHORITY: PlaceAuthority = { byName: new Map() };

function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

export function placeAuthority(places: readonly AuthorityPlace[]): PlaceAuthority {
  const byName = new Map<string, AuthorityPlace>();
  for (const place of places) {
    for (const name of [place.name, ...place.aliases]) byName.set(nameKey(name), place);
  }
  return { byName };
}

/** A located place for navPlace: its key (stable id part), label and coordinates. */
export interface LocatedPlace {
  key: string;
  label: string;
  lat: number;
  lon: number;
}

/**
 * The place entities of a cable that have coordinates: given on the entity (put there from the
 * authority file by an earlier stage) or found in the authority by name or alias. No guessing.
 */
export function locatePlaces(entities: readonly Entity[], authority: PlaceAuthority): LocatedPlace[] {
  const found = new Map<string, LocatedPlace>();
  for (const entity of entities) {
    if (entity.kind !== 'place') continue;
    if (entity.coordinates) {
      if (!found.has(entity.id)) found.set(entity.id, { key: entity.id, label: entity.name, ...entity.coordinates });
      continue;
    }
    const match = [entity.name, ...entity.aliases].map((n) => authority.byName.get(nameKey(n))).find((p) => p);
    if (match && !found.has(match.key)) found.set(match.key, { key: match.key, label: match.name, ...match.coordinates });
  }
  return [...found.values()];
}
