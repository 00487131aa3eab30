import * as pagefind from 'pagefind';
import type { BundleFile } from './publish-bundle.js';

/** Pagefind's bundle of a folder's pages, or why it could not be made. */
export type PagefindOutcome = { files: BundleFile[]; pages: number } | { error: string };

/**
 * Pagefind's bundle of the pages `documents/*.html` in `folder` (none: an empty index, for its
 * interface files), made in memory by the Pagefind service of this thread (one per thread: the
 * npm package keeps one binary running per module instance).
 */
export async function indexFolder(folder: string | undefined): Promise<PagefindOutcome> {
  const created = await pagefind.createIndex({});
  if (!created.index) return { error: created.errors.join('; ') || 'Pagefind did not start' };
  try {
    let pages = 0;
    if (folder !== undefined) {
      const added = await created.index.addDirectory({ path: folder, glob: 'documents/*.html' });
      if (added.errors.length > 0) return { error: added.errors.join('; ') };
      pages = added.page_count;
    }
    const bundle = await created.index.getFiles();
    if (bundle.errors.length > 0) return { error: bundle.errors.join('; ') };
    return { files: bundle.files.map((f) => ({ path: f.path, content: f.content })), pages };
  } finally {
    await created.index.deleteIndex();
  }
}

/** Stops this thread's Pagefind service (the next index starts it again). */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
