/**
 * The files stages use besides the TEI, read here so that every stage stays pure: page images
 * (with their dimensions) and the place authority file. Problems become diagnostics, never exceptions.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { placeAuthority, type PlaceAuthority } from '../iiif/place-authority.js';
import type { AuthorityPlace, PageImage } from '../stage/assets.js';

const IMAGE_FORMATS: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** The authority file cablekit ships (authority/places.json at the package root). */
export const SHIPPED_PLACE_AUTHORITY = new URL('../../authority/places.json', import.meta.url);

/** Page images in `imagesDir/<docId>/`, sorted by file name (numeric-aware): "p2" before "p10". */
export function readPageImages(imagesDir: string, docId: string): { images: PageImage[]; diagnostics: Diagnostic[] } {
  const folder = join(imagesDir, docId);
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { images: [], diagnostics };
  const names = readdirSync(folder)
    .filter((name) => IMAGE_FORMATS[extname(name).toLowerCase()] !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const images: PageImage[] = [];
  for (const fileName of names) {
    const file = join(folder, fileName);
    try {
      const bytes = readFileSync(file);
      const size = imageSize(bytes);
      if (!size.width || !size.height) throw new Error('no dimensions in the file');
      const ext = extname(fileName);
      images.push({
        fileName,
        stem: fileName.slice(0, fileName.length - ext.length),
        width: size.width,
        height: size.height,
        format: IMAGE_FORMATS[ext.toLowerCase()]!,
        bytes,
      });
    } catch (error) {
      diagnostics.push({
        code: 'iiif/unreadable-image',
        severity: 'warning',
        message: `cannot read the dimensions of page image ${fileName}: ${(error as Error).message}; it is left out of the manifest`,
        file,
      });
    }
  }
  return { images, diagnostics };
}

/**
 * An entry of an authority file as a place, or undefined when it cannot be one. Lenient on the
 * shape (an "id" serves as key, aliases may be absent) so one file can serve several stages,
 * strict on what matters: a name and WGS84 coordinates in range.
 */
function asAuthorityPlace(value: unknown): AuthorityPlace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const coordinates = v.coordinates as { lat?: unknown; lon?: unknown } | undefined;
  const key = typeof v.key === 'string' ? v.key : typeof v.id === 'string' ? v.id : undefined;
  const lat = coordinates?.lat;
  const lon = coordinates?.lon;
  if (key === undefined || typeof v.name !== 'string' || typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const aliases = Array.isArray(v.aliases) ? v.aliases.filter((a): a is string => typeof a === 'string') : [];
  return { key, name: v.name, aliases, coordinates: { lat, lon } };
}

/** The places of an authority file ({ places: [...] }); the shipped one when no path is given. */
export function readPlaceEntries(path?: string | URL): { places: AuthorityPlace[]; diagnostics: Diagnostic[] } {
  const source = path ?? SHIPPED_PLACE_AUTHORITY;
  const file = typeof source === 'string' ? source : source.pathname;
  try {
    const data = JSON.parse(readFileSync(source, 'utf8')) as { places?: unknown };
    const entries = Array.isArray(data.places) ? data.places : [];
    const places = entries.map(asAuthorityPlace).filter((p): p is AuthorityPlace => p !== undefined);
    const diagnostics: Diagnostic[] =
      places.length === entries.length
        ? []
        : [{ code: 'iiif/authority-entry', severity: 'warning', message: `${entries.length - places.length} place(s) without a key, a name and valid WGS84 coordinates were ignored`, file }];
    return { places, diagnostics };
  } catch (error) {
    return {
      places: [],
      diagnostics: [{ code: 'iiif/authority-unreadable', severity: 'warning', message: `cannot read the place authority file: ${(error as Error).message}; no navPlace is written`, file }],
    };
  }
}

/** The authority file as the IIIF code indexes it: for tests and benches that call the IIIF functions directly. */
export function readPlaceAuthority(path?: string | URL): { authority: PlaceAuthority; diagnostics: Diagnostic[] } {
  const { places, diagnostics } = readPlaceEntries(path);
  return { authority: placeAuthority(places), diagnostics };
}
