/**
 * The reading edition: a static site made from the decoded TEI (see docs/site.md).
 * Pure core: `deriveSite` / `deriveDocument` / `deriveEdition` turn cables and settings into files;
 * `siteStage` plugs it into the build; `buildSearchIndex` runs Pagefind over the written site.
 */
export { siteStage } from './site-stage.js';
export { deriveSite, deriveDocument, deriveEdition, editionParts, editionEntry, type SiteFile, type DocumentOutput, type EditionEntry } from './derive-site.js';
export type { EditionPart } from './edition-parts.js';
export { siteSettings, DEFAULT_SITE_DIR, type SiteSettings } from './site-settings.js';
export { documentPageUrl, documentPagePath } from './site-urls.js';
export { readSiteAssets } from './site-assets.js';
export { buildSearchIndex, shardListText, wholeSitePlan, type SearchIndexResult, type SearchIndexPlan } from './search-index.js';
export { planSearchShards, DEFAULT_SEARCH_PAGES_PER_SHARD, type SearchShard } from './search-shards.js';
