import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cable } from '../../src/model/cable.js';
import { buildSearchIndex, deriveSite, readSiteAssets, wholeSitePlan } from '../../src/site/index.js';
import { decodedSeeds, testSettings } from './site-fixtures.js';

/** The seeds and a third document of another year, archive and type, so filters have something to filter. */
export function browserCorpus(): Cable[] {
  const seeds = decodedSeeds();
  const later: Cable = {
    ...seeds.find((c) => c.id !== 'wilson-118686')!,
    id: 'test-later-report',
    title: 'A later report on the Ministry of Foreign Affairs',
    documentType: 'Report',
    catalogueDate: { verbatim: 'March 3, 1966', when: '1966-03-03', origin: 'catalogue' },
    archiveReferences: [{ verbatim: 'AVPRF f. 1, op. 2', archive: 'AVPRF', units: [] }],
  };
  return [...seeds, later];
}

/**
 * Writes the site as the build does (`<output>/site/…`, then the Pagefind index) into a fresh
 * folder, with the base URL of the server that will serve it. Returns the output folder.
 */
export async function writeSite(outputDir: string, baseUrl: string, cables: readonly Cable[] = browserCorpus(), pagesPerShard?: number): Promise<void> {
  const siteDir = join(outputDir, 'site');
  for (const file of deriveSite(cables, testSettings({ baseUrl }), readSiteAssets())) {
    mkdirSync(dirname(join(siteDir, file.path)), { recursive: true });
    writeFileSync(join(siteDir, file.path), file.content);
  }
  const search = await buildSearchIndex(siteDir, wholeSitePlan(siteDir, pagesPerShard));
  if (search.diagnostics.length > 0) throw new Error(search.diagnostics.map((d) => d.message).join('; '));
}

export function freshOutputDir(): string {
  return mkdtempSync(join(tmpdir(), 'cablekit-site-'));
}
