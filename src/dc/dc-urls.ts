import type { CablekitConfig } from '../config/config.js';

/** Published URLs of a cable's derived files; the paths are the ones the build writes and the server serves. */
function base(config: Pick<CablekitConfig, 'baseUrl'>): string {
  return config.baseUrl.replace(/\/+$/, '');
}

export function iiifManifestUrl(id: string, config: Pick<CablekitConfig, 'baseUrl'>): string {
  return `${base(config)}/iiif/${encodeURIComponent(id)}/manifest.json`;
}

export function teiUrl(id: string, config: Pick<CablekitConfig, 'baseUrl'>): string {
  return `${base(config)}/tei/${encodeURIComponent(id)}.xml`;
}

/** Output paths (relative to the output folder) of the two DC records of a cable. */
export function oaiDcPath(id: string): string {
  return `dc/${id}.oai_dc.xml`;
}

export function qualifiedDcPath(id: string): string {
  return `dc/${id}.qdc.xml`;
}
