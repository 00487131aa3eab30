import type { ArchiveReference } from '../model/cable.js';

/** More canvases than this for one reference is a mis-parsed range, not a document. */
const MAX_TEXT_PAGES = 500;

/**
 * Page labels of the archive reference ("46-49" → 46, 47, 48, 49): one text canvas each.
 * Roman numerals, folios with letters or odd ranges give the single page label as written, or none.
 */
export function pageLabels(reference: ArchiveReference | undefined): string[] {
  const pages = reference?.pages;
  if (!pages) return [];
  if (pages.to === undefined) return [pages.from];
  const from = /^\d+$/.test(pages.from) ? Number(pages.from) : NaN;
  const to = /^\d+$/.test(pages.to) ? Number(pages.to) : NaN;
  if (Number.isNaN(from) || Number.isNaN(to) || to < from || to - from + 1 > MAX_TEXT_PAGES) {
    return [pages.verbatim];
  }
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
