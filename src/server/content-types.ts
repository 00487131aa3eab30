/** Content types of served files; IIIF JSON gets the JSON-LD type with the Presentation 3 profile. */
export const IIIF_JSON = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';
/** IIIF Change Discovery pages (output/activity/) are Activity Streams documents. */
export const ACTIVITY_JSON = 'application/ld+json;profile="https://www.w3.org/ns/activitystreams"';

const BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.webp': 'image/webp',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** `mount` is the first path segment the file was served under ("iiif", "tei", "dc"…). */
export function contentTypeFor(mount: string, fileName: string): string {
  const ext = /\.[A-Za-z0-9]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (mount === 'iiif' && ext === '.json') return IIIF_JSON;
  if (mount === 'activity' && ext === '.json') return ACTIVITY_JSON;
  if (mount === 'tei' && ext === '.xml') return 'application/tei+xml; charset=utf-8';
  if (fileName.endsWith('.csl.json')) return 'application/vnd.citationstyles.csl+json; charset=utf-8';
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}
