import type { Cable } from '../model/cable.js';
import { deriveSite } from './derive-site.js';
import { readSiteAssets } from './site-assets.js';
import { siteSettings } from './site-settings.js';

/** The build's site stage: `<outputDir>/<siteDir>/…`. Shaped as the build's derived-stage contract. */
export const siteStage = {
  name: 'site',
  derive(decoded: readonly { cable: Cable }[], config: Parameters<typeof siteSettings>[0]) {
    const settings = siteSettings(config);
    const files = deriveSite(
      decoded.map((d) => d.cable),
      settings,
      readSiteAssets(),
    ).map((f) => ({ path: `${settings.siteDir}/${f.path}`, content: f.content }));
    return { files, diagnostics: [] };
  },
};
