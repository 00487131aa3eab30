import type { Manifest } from '@iiif/presentation-3';
import type { IiifIds } from './iiif-ids.js';
import { english } from './language-map.js';
import type { LocatedPlace } from './place-authority.js';

export const NAVPLACE_CONTEXT = 'http://iiif.io/api/extension/navplace/context.json';
export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** navPlace of a manifest: a GeoJSON FeatureCollection of points, one per located place. */
export function navPlaceOf(docId: string, places: readonly LocatedPlace[], ids: IiifIds): Manifest['navPlace'] {
  return {
    id: ids.navPlace(docId),
    type: 'FeatureCollection',
    features: places.map((place) => ({
      id: ids.navPlaceFeature(docId, place.key),
      type: 'Feature',
      properties: { label: english(place.label) },
      // GeoJSON order is longitude, latitude.
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
    })),
  } as Manifest['navPlace'];
}
