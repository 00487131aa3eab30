import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../src/config/config.js';
import { summaryDigest } from '../src/stage/index.js';
import { stagedWriter, type StagedWriter } from '../src/fs/index.js';
import type { Cable } from '../src/model/cable.js';
import { buildSearchIndex, deriveDocument, deriveEdition, editionEntry, editionParts, readSiteAssets, siteSettings, wholeSitePlan, type EditionEntry, type SiteFile } from '../src/site/index.js';
import { registerChicagoStyle } from '../src/site/citation/format-citation.js';
import { decodeTei, encodeTei } from '../src/tei/index.js';
import type { BenchResult } from './bench-result.js';
import type { RenderBatch, RenderRequest, SiteWorkerData } from './site-worker.js';

const WARM_UP = 200;
const WHEN = '2026-01-01T00:00:00Z';
/** Writes in flight before the bench waits for the I/O threads, as the build does (document-phase.ts). */
const MAX_WRITES_IN_FLIGHT = 256;

const msSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

/** The garbage collector's pauses of this thread so far: this process holds every decoded document, which a build does not. */
const gcPauses = { ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.ms += entry.duration;
}).observe({ entryTypes: ['gc'] });

/** The cables as the site stage receives them: encoded to TEI and decoded back, untimed. */
export function decodedCables(cables: readonly Cable[]): Cable[] {
  return cables.map((cable) => {
    const decoded = decodeTei(encodeTei(cable, DEFAULT_CONFIG, { when: WHEN }), `tei/${cable.id}.xml`).cable;
    if (!decoded) throw new Error(`${cable.id}: the bench's TEI did not decode`);
    return decoded;
  });
}

/** Writes the way the build writes: unchanged bytes skipped, the rest through the I/O threads, staged and renamed. */
class SiteWriter {
  written = 0;
  bytes = 0;
  private readonly writer: StagedWriter;
  constructor(
    private readonly siteDir: string,
    stagingDir: string,
  ) {
    this.writer = stagedWriter(stagingDir);
  }
  async write(files: readonly SiteFile[]): Promise<void> {
    for (const file of files) {
      this.bytes += Buffer.byteLength(file.content);
      void this.writer.writeIfChangedLater(join(this.siteDir, file.path), file.content).then((action) => {
        if (action === 'written') this.written++;
      });
    }
    if (this.writer.inFlight > MAX_WRITES_IN_FLIGHT) await this.writer.drain();
  }
  async drain(): Promise<void> {
    await this.writer.drain();
  }
  /** The build's one flush at the end of a run (`sync -f`). */
  flush(): void {
    this.writer.flush();
  }
}

/**
 * Renders every document, in worker threads as the build's worker pool does (each worker its
 * share, files posted back and written by this thread), or in this thread when `jobs` is 1.
 * Returns the entries in the cables' order.
 */
class Renderers {
  private constructor(
    private readonly workers: { worker: Worker; from: number; to: number }[],
    private readonly cables: readonly Cable[],
  ) {}

  static async start(cables: readonly Cable[], jobs: number): Promise<Renderers> {
    if (jobs < 2) return new Renderers([], cables);
    const share = Math.ceil(cables.length / jobs);
    const workers = await Promise.all(
      Array.from({ length: jobs }, async (_, j) => {
        const from = Math.min(cables.length, j * share);
        const to = Math.min(cables.length, from + share);
        const data: SiteWorkerData = { cables: cables.slice(from, to), warmUp: Math.ceil(WARM_UP / jobs) };
        const worker = new Worker(new URL('./site-worker.js', import.meta.url), { workerData: data });
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        return { worker, from, to };
      }),
    );
    return new Renderers(workers, cables);
  }

  async render(writer: SiteWriter, previous?: readonly EditionEntry[]): Promise<EditionEntry[]> {
    const settings = siteSettings(DEFAULT_CONFIG);
    const entries: EditionEntry[] = new Array<EditionEntry>(this.cables.length);
    if (this.workers.length === 0) {
      for (let i = 0; i < this.cables.length; i++) {
        const out = deriveDocument(this.cables[i]!, settings, previous?.[i]);
        entries[i] = editionEntry(out);
        await writer.write(out.files);
      }
      return entries;
    }
    await Promise.all(
      this.workers.map(
        ({ worker, from, to }) =>
          new Promise<void>((resolve, reject) => {
            let at = from;
            // Writes are issued in message order; waiting on the I/O threads happens between messages.
            let chain = Promise.resolve();
            const onMessage = (batch: RenderBatch): void => {
              for (const entry of batch.entries) entries[at++] = entry;
              chain = chain.then(() => writer.write(batch.files));
              if (batch.done) {
                worker.off('message', onMessage);
                chain.then(resolve, reject);
              }
            };
            worker.on('message', onMessage);
            worker.once('error', reject);
            worker.postMessage({ ...(previous ? { previous: previous.slice(from, to) } : {}) } satisfies RenderRequest);
          }),
      ),
    );
    return entries;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/**
 * The reading edition for every cable (issue 13 item 5), the way `cablekit build` makes it:
 * each document's page and citation downloads rendered in worker threads (CABLEKIT_BENCH_SITE_JOBS,
 * default one per core; 1 renders in this thread), written by this thread through the build's
 * staged writer (unchanged files skipped, one flush at the end); then the edition-wide pages
 * from the per-document entries. Timed apart: the Pagefind index; the same documents rendered
 * again with the entries a build keeps (their citations reused, as after a cablekit upgrade or a
 * template change); one document changed and its site re-rendered as an incremental build with
 * fewer than 32 changed documents does it (in the build's own thread: its own files, and the
 * edition-wide files whose keys changed, from the kept entries), written only where bytes changed.
 * Targets: ≤ 3 s for the pages of 10,000 documents, < 0.2 s for one change.
 */
export async function runSiteBench(cables: readonly Cable[], workDir: string): Promise<BenchResult> {
  const prepared = process.hrtime.bigint();
  const decoded = decodedCables(cables);
  return runSiteBenchOnDecoded(decoded, workDir, msSince(prepared));
}

/** The same over cables decoded already (`prepareMs`: what decoding them took, reported as untimed). */
export async function runSiteBenchOnDecoded(decoded: readonly Cable[], workDir: string, prepareMs = 0): Promise<BenchResult> {
  const jobs = Math.max(1, Math.floor(Number(process.env['CABLEKIT_BENCH_SITE_JOBS'] ?? availableParallelism())));
  const settings = siteSettings(DEFAULT_CONFIG);
  const assets = readSiteAssets();
  registerChicagoStyle(assets.chicagoCsl);
  // Warmed up as a build's thread is after its first documents (the workers warm up on their own).
  for (const cable of decoded.slice(0, WARM_UP)) deriveDocument(cable, settings);
  const renderers = await Renderers.start(decoded, jobs);

  const siteDir = mkdtempSync(join(workDir, 'site-'));
  const staging = join(workDir, 'staging');
  try {
    const writer = new SiteWriter(siteDir, staging);
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    const entries = await renderers.render(writer);
    const documentsMs = msSince(started);
    const editionStarted = process.hrtime.bigint();
    const edition = deriveEdition(entries, settings, assets);
    const editionMs = msSince(editionStarted);
    await writer.write(edition);
    await writer.drain();
    const pagesMs = msSince(started);
    const cpu = process.cpuUsage(cpuStarted);
    const pagesCpuMs = (cpu.user + cpu.system) / 1000;
    const flushStarted = process.hrtime.bigint();
    writer.flush();
    const flushMs = msSince(flushStarted);
    const files = writer.written;
    const bytes = writer.bytes;

    // CABLEKIT_BENCH_SITE_SEARCH=0 leaves the index out (it takes longer than everything else).
    const search = process.env['CABLEKIT_BENCH_SITE_SEARCH'] === '0' ? { pages: 0, seconds: 0, diagnostics: [] } : await buildSearchIndex(siteDir, wholeSitePlan(siteDir));
    if (search.diagnostics.length > 0) throw new Error(search.diagnostics.map((d) => d.message).join('; '));

    // Every document rendered again with the entries the build kept: citations come from them.
    const keptWriter = new SiteWriter(siteDir, staging);
    const keptStarted = process.hrtime.bigint();
    const keptCpuStarted = process.cpuUsage();
    const again = await renderers.render(keptWriter, entries);
    await keptWriter.write(deriveEdition(again, settings, assets));
    await keptWriter.drain();
    const keptMs = msSince(keptStarted);
    const keptCpu = process.cpuUsage(keptCpuStarted);
    const keptCpuMs = (keptCpu.user + keptCpu.system) / 1000;
    keptWriter.flush();
    await renderers.close();

    // One document changed (a corrected title): only its files and the edition-wide files whose
    // keys changed are made again, as the build's corpus step does with the keys it kept.
    // The entries' digests, as the build takes them when each document is derived (in its workers).
    const digests = entries.map((e) => summaryDigest(e));
    const keptKeys = new Map(editionParts(entries, settings, assets, digests).map((p) => [p.path, p.key]));
    const index = Math.floor(decoded.length / 2);
    const changed: Cable = { ...decoded[index]!, title: `${decoded[index]!.title ?? decoded[index]!.id} (corrected)` };
    const changeWriter = new SiteWriter(siteDir, staging);
    const gcBefore = gcPauses.ms;
    const changeCpuStarted = process.cpuUsage();
    const changeStarted = process.hrtime.bigint();
    const redone = deriveDocument(changed, settings, entries[index]);
    const kept = entries.map((e, i) => (i === index ? editionEntry(redone) : e));
    const keptDigests = digests.map((d, i) => (i === index ? summaryDigest(kept[i]) : d));
    const changeEditionStarted = process.hrtime.bigint();
    const changedEdition = editionParts(kept, settings, assets, keptDigests)
      .filter((p) => keptKeys.get(p.path) !== p.key)
      .map((p) => ({ path: p.path, content: p.render() }));
    const changeEditionMs = msSince(changeEditionStarted);
    await changeWriter.write([...redone.files, ...changedEdition]);
    await changeWriter.drain();
    const changeMs = msSince(changeStarted);
    // The observer hears of pauses a turn later.
    await new Promise((resolve) => setImmediate(resolve));
    const changeGcMs = gcPauses.ms - gcBefore;
    const changeCpu = process.cpuUsage(changeCpuStarted);
    const changeCpuMs = (changeCpu.user + changeCpu.system) / 1000;
    changeWriter.flush();

    const pages = decoded.length + edition.filter((f) => f.path.endsWith('.html')).length;
    const perDocument = decoded.length > 0 ? documentsMs / decoded.length : 0;
    return {
      name: 'site',
      lines: [
        `site: ${decoded.length} documents → ${pages} pages, ${files} files (${(bytes / 1e6).toFixed(1)} MB) in ${(pagesMs / 1000).toFixed(2)} s with ${jobs} ${jobs === 1 ? 'thread' : 'workers'} (target ≤ 3 s; ${(pagesCpuMs / 1000).toFixed(2)} CPU-s): documents rendered and written ${(documentsMs / 1000).toFixed(2)} s (${perDocument.toFixed(3)} ms each), edition pages rendered in ${editionMs.toFixed(0)} ms; then one flush ${(flushMs / 1000).toFixed(2)} s`,
        `site: Pagefind index of ${search.pages} pages in ${search.seconds.toFixed(2)} s`,
        `site: all documents again with the kept entries (citations reused, nothing changed on disk): ${(keptMs / 1000).toFixed(2)} s (${(keptCpuMs / 1000).toFixed(2)} CPU-s)`,
        `site: one document changed → ${changedEdition.length} of ${keptKeys.size} edition-wide files re-made, ${changeWriter.written} files rewritten in ${changeMs.toFixed(0)} ms (target < 200 ms; ${changeCpuMs.toFixed(0)} CPU-ms; edition files keyed and re-made in ${changeEditionMs.toFixed(0)} ms; garbage collector pauses ${changeGcMs.toFixed(0)} ms)`,
        `site: (decoding the TEI beforehand, untimed above: ${(prepareMs / 1000).toFixed(2)} s)`,
      ],
      metrics: {
        documents: decoded.length,
        jobs,
        pages,
        files,
        megabytes: bytes / 1e6,
        pagesSeconds: pagesMs / 1000,
        pagesCpuSeconds: pagesCpuMs / 1000,
        documentsSeconds: documentsMs / 1000,
        msPerDocument: perDocument,
        editionMs,
        flushSeconds: flushMs / 1000,
        searchIndexSeconds: search.seconds,
        searchIndexPages: search.pages,
        keptCitationsSeconds: keptMs / 1000,
        keptCitationsCpuSeconds: keptCpuMs / 1000,
        oneChangeMs: changeMs,
        oneChangeCpuMs: changeCpuMs,
        oneChangeEditionMs: changeEditionMs,
        oneChangeGcMs: changeGcMs,
        oneChangeFilesWritten: changeWriter.written,
        oneChangeEditionFilesRemade: changedEdition.length,
        editionFiles: keptKeys.size,
      },
    };
  } finally {
    await renderers.close();
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}
