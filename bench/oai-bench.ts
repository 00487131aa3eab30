import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecodedCable } from '../src/stage/index.js';
import { DEFAULT_CONFIG, type CablekitConfig } from '../src/config/config.js';
import { emptyCable, type Cable } from '../src/model/index.js';
import { openStore, planSync } from '../src/oai/index.js';
import { startServer } from '../src/server/index.js';
import type { BenchResult } from './bench-result.js';

const ARCHIVES = ['PRC FMA', 'AVPRF', 'RGANI', 'SAPMO-BArch', 'MOL'];
const TYPES = ['Cable', 'Memorandum of Conversation', 'Letter', 'Report'];

/** A plausible cable, different for every n, through the real crosswalk (no shortcut records). */
export function generatedCable(n: number): DecodedCable {
  const id = `bench-${String(n).padStart(7, '0')}`;
  const year = 1945 + (n % 46);
  const cable: Cable = {
    ...emptyCable(id, { path: `sources/${id}.txt`, sha256: '0'.repeat(64), layout: 'unknown' }),
    urls: [`https://digitalarchive.example.org/document/${n}`],
    title: `Cable ${n} on the situation in the region`,
    documentType: TYPES[n % TYPES.length] as string,
    catalogueDate: { verbatim: `${year}`, when: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-15`, precision: 'day', origin: 'catalogue' },
    archiveReferences: [{ verbatim: `${ARCHIVES[n % ARCHIVES.length]} ${n}, 1-3`, archive: ARCHIVES[n % ARCHIVES.length] as string, units: [] }],
    contributors: [{ role: 'translator', name: `Translator ${n % 50}` }],
    funders: [],
    summary: `Summary of generated cable ${n}.`,
    originalLanguage: { label: 'Russian', code: 'ru' },
    translationLanguage: { label: 'English', code: 'en' },
  };
  return { cable, teiPath: `tei/${id}.xml`, teiSha256: n.toString(16).padStart(64, '0') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * A store of `recordCount` generated records, served on loopback; one harvester takes everything
 * with ListRecords (oai_dc, 100 records a page), following resumption tokens to the end.
 */
export async function runOaiBench(recordCount: number): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'cablekit-oai-bench-'));
  const config: CablekitConfig = { ...DEFAULT_CONFIG, outputDir: 'output' };
  try {
    const cables = Array.from({ length: recordCount }, (_, n) => generatedCable(n));
    const opened = await openStore(root, config);
    if (!opened.store) throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
    await opened.store.apply(planSync([], cables, config, new Date()).changes);
    await opened.store.close();
    cables.length = 0;
    const startT0 = performance.now();
    const server = await startServer({ config, root, pageSize: 100 });
    const serverStartMs = performance.now() - startT0;
    const pageMs: number[] = [];
    let records = 0;
    let lastQuery = '';
    const warm = { first: 0, last: 0 };
    const started = performance.now();
    try {
      let query = 'verb=ListRecords&metadataPrefix=oai_dc';
      // Bounded: one page more than the store can need.
      for (let page = 0; page <= recordCount / 100 + 1; page++) {
        const t0 = performance.now();
        const xml = await (await fetch(`${server.url}/oai?${query}`)).text();
        pageMs.push(performance.now() - t0);
        records += xml.split('<record>').length - 1;
        const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
        if (token === undefined) break;
        lastQuery = query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
      }
      // With the server warm, the first and the last page again (tokens are idempotent): keyset
      // paging should make them cost the same.
      const timed = async (q: string): Promise<number> => {
        const samples: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t0 = performance.now();
          await (await fetch(`${server.url}/oai?${q}`)).text();
          samples.push(performance.now() - t0);
        }
        return median(samples);
      };
      warm.first = await timed('verb=ListRecords&metadataPrefix=oai_dc');
      warm.last = lastQuery ? await timed(lastQuery) : warm.first;
    } finally {
      await server.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const first = pageMs[0] ?? 0;
    const last = pageMs[pageMs.length - 1] ?? 0;
    const firstTen = median(pageMs.slice(0, 10));
    const lastTen = median(pageMs.slice(-10));
    const metrics = {
      serverStartMs,
      records,
      pages: pageMs.length,
      seconds,
      recordsPerSecond: records / seconds,
      firstPageMs: first,
      lastPageMs: last,
      medianPageMs: median(pageMs),
      firstTenMedianMs: firstTen,
      lastTenMedianMs: lastTen,
      warmFirstPageMs: warm.first,
      warmLastPageMs: warm.last,
    };
    return {
      name: 'oai',
      lines: [
        `OAI-PMH ListRecords (oai_dc, 100/page) over loopback: ${records} records in ${pageMs.length} pages, ${seconds.toFixed(2)} s`,
        `  ${metrics.recordsPerSecond.toFixed(0)} records/s (target ≥ 2000); server start with the store loaded: ${serverStartMs.toFixed(0)} ms`,
        `  first page ${first.toFixed(1)} ms, last page ${last.toFixed(1)} ms, median page ${metrics.medianPageMs.toFixed(1)} ms`,
        `  median of the first 10 pages ${firstTen.toFixed(1)} ms, of the last 10 pages ${lastTen.toFixed(1)} ms (target: last ≤ 2× first)`,
        `  warm server, median of 15 requests: first page ${warm.first.toFixed(1)} ms, last page ${warm.last.toFixed(1)} ms`,
      ],
      metrics,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
