import type { DerivedStage } from '../stage/index.js';
import { registerChicagoStyle } from './citation/format-citation.js';
import { deriveDocument, editionEntry, editionParts, type EditionEntry } from './derive-site.js';
import { readSiteAssets, type SiteAssets } from './site-assets.js';
import { siteSettings } from './site-settings.js';

// The shipped stylesheet, scripts and citation style are package data, like the schemas the
// validators compile: read once per process, never from the edition.
let assets: SiteAssets | undefined;
function shippedAssets(): SiteAssets {
  if (!assets) {
    assets = readSiteAssets();
    registerChicagoStyle(assets.chicagoCsl);
  }
  return assets;
}

/**
 * The reading edition, `<outputDir>/<siteDir>/…`: each document's page and citation downloads from
 * that document alone; index, browse pages, sitemap and edition-wide exports from the summaries.
 */
export const siteStage: DerivedStage<EditionEntry> = {
  name: 'site',
  document(doc, ctx) {
    shippedAssets();
    const settings = siteSettings(ctx.config);
    // The entry the build kept from the document's last derivation: its citations are reused when their key holds.
    const output = deriveDocument(doc.cable, settings, doc.previousSummary);
    return { files: output.files.map((f) => ({ path: `${settings.siteDir}/${f.path}`, content: f.content })), diagnostics: [], summary: editionEntry(output) };
  },
  corpusParts(summaries, ctx, digests) {
    const settings = siteSettings(ctx.config);
    const parts = editionParts(summaries, settings, shippedAssets(), digests).map((p) => ({ path: `${settings.siteDir}/${p.path}`, key: p.key, render: () => ({ content: p.render(), diagnostics: [] }) }));
    return { parts, diagnostics: [] };
  },
};
