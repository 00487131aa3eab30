import { slugify } from '../../text/slugify.js';

/**
 * The page of one value of a facet, `browse/<facet>/<slug>-<hash>.html`, made from the value alone
 * so a document's page links to it without knowing the rest of the edition. The hash of the whole
 * value keeps apart names whose slugs agree ("Zhou Enlai" and "Zhou En-lai" stay two pages, as they
 * are two values); the slug is cut so a long name still makes a short file name.
 */
export function browseValuePath(facetSlug: string, value: string): string {
  let hash = 0;
  for (const ch of value) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `browse/${facetSlug}/${slugify(value, 60) || 'x'}-${hash.toString(36)}.html`;
}

/** The page listing a facet's values with their counts. */
export const facetPagePath = (facetSlug: string): string => `browse/${facetSlug}.html`;
