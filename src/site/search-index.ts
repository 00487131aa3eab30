import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { publishBundle } from './publish-bundle.js';

export interface SearchIndexResult {
  pages: number;
  seconds: number;
  diagnostics: Diagnostic[];
}

/**
 * Runs Pagefind (its binary ships in the npm package) over the written site and puts its bundle
 * in `<site>/pagefind/`. The bundle is made in memory and only the files that differ from the
 * published ones are written (publish-bundle.ts), so a failed run leaves the previous index in
 * place and an unchanged one is not rewritten. I/O, run by the build after the pages are written.
 */
export async function buildSearchIndex(
  siteFolder: string,
  /** Where the bundle's files are written before each is renamed into place (same file system); default: beside the site folder. */
  stagingParent: string = dirname(siteFolder),
): Promise<SearchIndexResult> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string): SearchIndexResult => {
    diagnostics.push({
      code: 'site/search-index-failed',
      severity: 'error',
      message: `the search index of ${siteFolder} could not be built: ${message}`,
      hint: 'the pages are written; run the build again, and check that the pagefind package is installed (npm ci)',
    });
    return { pages: 0, seconds: (performance.now() - started) / 1000, diagnostics };
  };
  if (!existsSync(siteFolder)) return fail('the site folder does not exist');
  // A run killed while indexing leaves its temporary files: cleared here.
  mkdirSync(stagingParent, { recursive: true });
  for (const name of readdirSync(stagingParent)) if (name.startsWith('.pagefind-')) rmSync(join(stagingParent, name), { recursive: true, force: true });
  const staging = join(stagingParent, `.pagefind-${process.pid}`);
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return fail(created.errors.join('; ') || 'Pagefind did not start');
    // The whole folder at once: Pagefind reads the files itself. (Handing it the pages one by one in
    // the order of their names would make the bundle's bytes independent of the order the file
    // system lists the folder in — tmpfs and ext4 differ — but cost about 2.7 s per 1,000 pages.)
    const added = await created.index.addDirectory({ path: siteFolder, glob: 'documents/*.html' });
    if (added.errors.length > 0) return fail(added.errors.join('; '));
    // The bundle in memory, and only the files that differ from the published ones written.
    const bundle = await created.index.getFiles();
    if (bundle.errors.length > 0) return fail(bundle.errors.join('; '));
    publishBundle(bundle.files, join(siteFolder, 'pagefind'), ['pagefind-entry.json'], staging);
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000, diagnostics };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}
