import { DEFAULT_SITE_DIR } from '../edition/layout.js';

/** What the site needs to know about the edition: a few settings of cablekit.config.json. */
export interface SiteSettings {
  /** Folder of the site inside the output folder ('site'); also its path under `baseUrl`. */
  siteDir: string;
  /** Absolute URL under which the output folder is published, no trailing slash. */
  baseUrl: string;
  collectionName: string;
  publisher: string;
  /** The edition's rights statement URI. */
  rightsUri: string;
}

export { DEFAULT_SITE_DIR };

export function siteSettings(config: {
  siteDir?: string;
  baseUrl: string;
  collectionName: string;
  publisher: string;
  rightsUri: string;
}): SiteSettings {
  return {
    siteDir: config.siteDir ?? DEFAULT_SITE_DIR,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    collectionName: config.collectionName,
    publisher: config.publisher,
    rightsUri: config.rightsUri,
  };
}
