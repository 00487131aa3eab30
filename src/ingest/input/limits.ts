/** Largest page ingest reads. Real archive pages are well under 200 kB; anything bigger is not a page. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
