import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/site/index.js';

/**
 * tmpfs lists a folder's files newest first, so the same pages written in two orders are listed in
 * two orders there (ext4 lists by a hash of the name, whatever the order of writing).
 */
const TMPFS = '/dev/shm';
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function page(n: number): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Cable ${n}</title></head><body><main data-pagefind-body><h1>Cable ${n}</h1><p>Telegram number ${n} about the harvest in province ${n % 7}.</p></main></body></html>`;
}

function site(order: number[]): string {
  const root = mkdtempSync(join(TMPFS, 'cablekit-search-order-'));
  roots.push(root);
  mkdirSync(join(root, 'site', 'documents'), { recursive: true });
  for (const n of order) writeFileSync(join(root, 'site', 'documents', `cable-${String(n).padStart(3, '0')}.html`), page(n));
  return root;
}

function bundle(root: string): Map<string, string> {
  const dir = join(root, 'site', 'pagefind');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString('base64')]));
}

describe('the search index', () => {
  it('is the same bytes whatever order the file system lists the pages in', async () => {
    expect(readdirSync(TMPFS), `${TMPFS} (a tmpfs) is needed for this test`).toBeDefined();
    const numbers = Array.from({ length: 40 }, (_, i) => i + 1);
    const forward = site(numbers);
    const backward = site([...numbers].reverse());
    // The two folders really are listed in other orders (`ls -U`: as the file system gives them;
    // Node sorts what it lists, Pagefind's own walk does not).
    const listed = (root: string): string => spawnSync('ls', ['-U', join(root, 'site', 'documents')], { encoding: 'utf8' }).stdout;
    expect(listed(forward)).not.toEqual(listed(backward));
    for (const root of [forward, backward]) {
      const result = await buildSearchIndex(join(root, 'site'), join(root, '.cablekit'));
      expect(result.diagnostics).toEqual([]);
      expect(result.pages).toBe(40);
    }
    expect(bundle(forward)).toEqual(bundle(backward));
  }, 120_000);
});
