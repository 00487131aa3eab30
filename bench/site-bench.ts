import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG } from '../src/config/config.js';
import { writeIfChanged } from '../src/fs/index.js';
import type { Cable } from '../src/model/cable.js';
import { buildSearchIndex, deriveDocument, deriveEdition, readSiteAssets, siteSettings, type DocumentOutput, type SiteFile } from '../src/site/index.js';
import { registerChicagoStyle } from '../src/site/citation/format-citation.js';
import { decodeTei, encodeTei } from '../src/tei/index.js';
import type { BenchResult } from './bench-result.js';

const WARM_UP = 200;
const WHEN = '2026-01-01T00:00:00Z';

const msSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

/** The cables as the site stage receives them: encoded to TEI and decoded back, untimed. */
export function decodedCables(cables: readonly Cable[]): Cable[] {
  return cables.map((cable) => {
    const decoded = decodeTei(encodeTei(cable, DEFAULT_CONFIG, { when: WHEN }), `tei/${cable.id}.xml`).cable;
    if (!decoded) throw new Error(`${cable.id}: the bench's TEI did not decode`);
    return decoded;
  });
}

function writeAll(siteDir: string, files: readonly SiteFile[]): number {
  let written = 0;
  for (const file of files) {
    const path = join(siteDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    if (writeIfChanged(path, file.content) === 'written') written++;
  }
  return written;
}

/**
 * The reading edition for every cable (issue 13 item 5): each document's page and citation
 * downloads, then the edition-wide pages from the per-document summaries, rendered (in memory)
 * and written; the Pagefind index over the written pages, timed apart; then one document
 * changed and its site re-rendered the way an incremental build does it (its own files from
 * the cable, the edition pages from the kept summaries), written only where bytes changed.
 * Targets: ≤ 3 s for the pages of 10,000 documents, < 0.2 s for one change.
 */
export async function runSiteBench(cables: readonly Cable[], workDir: string): Promise<BenchResult> {
  const prepared = process.hrtime.bigint();
  const decoded = decodedCables(cables);
  const prepareMs = msSince(prepared);
  const settings = siteSettings(DEFAULT_CONFIG);
  const assets = readSiteAssets();
  registerChicagoStyle(assets.chicagoCsl);
  for (const cable of decoded.slice(0, WARM_UP)) deriveDocument(cable, settings);

  const siteDir = mkdtempSync(join(workDir, 'site-'));
  try {
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    const documents: DocumentOutput[] = decoded.map((cable) => deriveDocument(cable, settings));
    const documentsMs = msSince(started);
    const editionStarted = process.hrtime.bigint();
    const edition = deriveEdition(documents, settings, assets);
    const editionMs = msSince(editionStarted);
    const renderMs = msSince(started);
    const files = [...documents.flatMap((d) => d.files), ...edition];
    const writeStarted = process.hrtime.bigint();
    writeAll(siteDir, files);
    const writeMs = msSince(writeStarted);
    const pagesMs = msSince(started);
    const cpu = process.cpuUsage(cpuStarted);
    const pagesCpuMs = (cpu.user + cpu.system) / 1000;
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);

    const search = await buildSearchIndex(siteDir);
    if (search.diagnostics.length > 0) throw new Error(search.diagnostics.map((d) => d.message).join('; '));

    // One document changed (a corrected title): only its files and the edition pages are made again.
    const index = Math.floor(decoded.length / 2);
    const changed: Cable = { ...decoded[index]!, title: `${decoded[index]!.title ?? decoded[index]!.id} (corrected)` };
    const changeStarted = process.hrtime.bigint();
    const again = deriveDocument(changed, settings);
    const kept = documents.map((d, i) => (i === index ? again : d));
    const changeWritten = writeAll(siteDir, [...again.files, ...deriveEdition(kept, settings, assets)]);
    const changeMs = msSince(changeStarted);

    const pages = files.filter((f) => f.path.endsWith('.html')).length;
    const perPage = decoded.length > 0 ? documentsMs / decoded.length : 0;
    return {
      name: 'site',
      lines: [
        `site: ${decoded.length} documents → ${pages} pages, ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) in ${(pagesMs / 1000).toFixed(2)} s (target ≤ 3 s; ${(pagesCpuMs / 1000).toFixed(2)} CPU-s): render ${(renderMs / 1000).toFixed(2)} s (documents ${(documentsMs / 1000).toFixed(2)} s, ${perPage.toFixed(3)} ms each; edition pages ${editionMs.toFixed(0)} ms), write ${(writeMs / 1000).toFixed(2)} s`,
        `site: Pagefind index of ${search.pages} pages in ${search.seconds.toFixed(2)} s`,
        `site: one document changed → ${changeWritten} files rewritten in ${changeMs.toFixed(0)} ms (target < 200 ms)`,
        `site: (decoding the TEI beforehand, untimed above: ${(prepareMs / 1000).toFixed(2)} s)`,
      ],
      metrics: {
        documents: decoded.length,
        pages,
        files: files.length,
        megabytes: bytes / 1e6,
        pagesSeconds: pagesMs / 1000,
        pagesCpuSeconds: pagesCpuMs / 1000,
        renderSeconds: renderMs / 1000,
        documentsSeconds: documentsMs / 1000,
        msPerDocument: perPage,
        editionMs,
        writeSeconds: writeMs / 1000,
        searchIndexSeconds: search.seconds,
        searchIndexPages: search.pages,
        oneChangeMs: changeMs,
        oneChangeFilesWritten: changeWritten,
      },
    };
  } finally {
    rmSync(siteDir, { recursive: true, force: true });
  }
}
