import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface SearchIndexResult {
  pages: number;
  seconds: number;
  diagnostics: Diagnostic[];
}

/**
 * Runs Pagefind (its binary ships in the npm package) over the written site and puts its bundle
 * in `<site>/pagefind/`. The bundle is written to a fresh folder and swapped in whole, so a failed
 * run leaves the previous index in place. I/O, run by the build after the pages are written.
 */
export async function buildSearchIndex(
  siteFolder: string,
  /** Where the new bundle is made before it is swapped in (same file system); default: beside the site folder. */
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
  // A run killed while indexing leaves its staging folder: cleared here.
  mkdirSync(stagingParent, { recursive: true });
  for (const name of readdirSync(stagingParent)) if (name.startsWith('.pagefind-')) rmSync(join(stagingParent, name), { recursive: true, force: true });
  const staging = mkdtempSync(join(stagingParent, '.pagefind-'));
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return fail(created.errors.join('; ') || 'Pagefind did not start');
    const added = await created.index.addDirectory({ path: siteFolder, glob: 'documents/*.html' });
    if (added.errors.length > 0) return fail(added.errors.join('; '));
    const written = await created.index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) return fail(written.errors.join('; '));
    const target = join(siteFolder, 'pagefind');
    // An unchanged index is left as it is (no file rewritten), like every other output of the build.
    if (sameTree(staging, target)) return { pages: added.page_count, seconds: (performance.now() - started) / 1000, diagnostics };
    const old = `${staging}-old`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000, diagnostics };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}

function treeOf(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.set(relative(root, full), readFileSync(full));
    }
  };
  if (existsSync(root)) visit(root);
  return out;
}

function sameTree(a: string, b: string): boolean {
  const left = treeOf(a);
  const right = treeOf(b);
  return left.size === right.size && [...left].every(([path, bytes]) => right.get(path)?.equals(bytes) === true);
}
