import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type CablekitConfig } from '../src/config/config.js';
import { openStore, planSync, type OaiStore } from '../src/oai/index.js';
import { changeTen, type ChangedTen } from './oai-sync-bench.js';
import { startPostgresCluster } from '../tests/support/postgres-cluster.js';
import type { BenchResult } from './bench-result.js';
import { generatedCable } from './oai-bench.js';
import { percentile, runOaiLoad } from './oai-load.js';
import { repoRoot } from './repo-root.js';

/** The package's built CLI (dist/), found from the project root or from dist-bench/. */
function cliPath(): string {
  for (const candidate of ['dist/cli/main.js', '../dist/cli/main.js']) {
    const path = fileURLToPath(new URL(candidate, repoRoot()));
    if (existsSync(path)) return path;
  }
  throw new Error('the built CLI is missing: run "npm run build" first');
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** What the servers wrote on stderr (diagnostics, a crash), shown when the bench fails. */
const serverLog: string[] = [];

function serve(cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath(), 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void serverLog.push(chunk.toString('utf8')));
  child.on('exit', (code, signal) => void serverLog.push(`cablekit serve ${child.pid} exited (${code ?? signal})\n`));
  return new Promise((ok, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (url) ok({ url: `${url}/oai`, child });
    });
    child.on('exit', (code) => fail(new Error(`cablekit serve exited (${code}): ${stderr}`)));
  });
}

const median = (v: number[]): number => percentile(v, 50);

/** Cables generated (and crosswalked) per slice: a million at once would not fit in memory. */
const SLICE = 20_000;

/**
 * Fills an empty store with `count` generated records through the real crosswalk, a slice at a
 * time, each slice one bulk transaction. Only the bench fills a store this way; a build writes
 * its changes in one transaction.
 */
async function fillStore(db: OaiStore, count: number, config: CablekitConfig): Promise<{ seconds: number; writeSeconds: number }> {
  const t0 = performance.now();
  let writeMs = 0;
  for (let start = 0; start < count; start += SLICE) {
    const cables = Array.from({ length: Math.min(SLICE, count - start) }, (_, k) => generatedCable(start + k));
    const { changes } = planSync([], cables, config, new Date('2026-01-01T00:00:00Z'));
    const w0 = performance.now();
    await db.apply(changes);
    writeMs += performance.now() - w0;
  }
  return { seconds: (performance.now() - t0) / 1000, writeSeconds: writeMs / 1000 };
}

/** One harvester takes everything (oai_dc, the server's page size), alternating between the servers. */
async function singleHarvest(
  urls: string[],
  expected: number,
): Promise<{ recordsPerSecond: number; firstMs: number; lastMs: number; firstTenMs: number; lastTenMs: number; records: number; pages: number; retries: string[] }> {
  const pageMs: number[] = [];
  const retries: string[] = [];
  let records = 0;
  let query = 'verb=ListRecords&metadataPrefix=oai_dc';
  const started = performance.now();
  for (let page = 0; page <= expected / 100 + 1; page++) {
    const t0 = performance.now();
    let xml: string | undefined;
    // A failed request is retried (as harvesters do) at most twice, and every failure is reported.
    for (let attempt = 0; xml === undefined; attempt++) {
      try {
        xml = await (await fetch(`${urls[page % urls.length]}?${query}`)).text();
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause;
        retries.push(`page ${page}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
        if (attempt >= 2) throw new Error(`the harvest failed: ${retries.join('; ')}; servers said: ${serverLog.join('').slice(-2000)}`);
      }
    }
    pageMs.push(performance.now() - t0);
    records += xml.split('<record>').length - 1;
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
    if (token === undefined) break;
    query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    recordsPerSecond: records / seconds,
    firstMs: pageMs[0] ?? 0,
    lastMs: pageMs[pageMs.length - 1] ?? 0,
    firstTenMs: median(pageMs.slice(0, 10)),
    lastTenMs: median(pageMs.slice(-10)),
    records,
    pages: pageMs.length,
    retries,
  };
}

/** A soak: `harvesters` concurrent harvests for `seconds`, server RSS sampled every 5 s. */
async function soak(urls: string[], pids: number[], seconds: number, harvesters: number, samples: number[]): Promise<Record<string, number>> {
  const sample = (): void => void samples.push(Math.max(...pids.map(rssMiB)));
  sample();
  const timer = setInterval(sample, 5000);
  const load = await runOaiLoad({ urls, harvesters, seconds });
  clearInterval(timer);
  sample();
  return {
    requests: load.requests,
    errors: load.errors.length,
    requestsPerSecond: load.requests / load.seconds,
    recordsPerSecond: load.records / load.seconds,
    p50Ms: percentile(load.latenciesMs, 50),
    p99Ms: percentile(load.latenciesMs, 99),
    rssStartMiB: samples[1] ?? samples[0] ?? 0,
    rssEndMiB: samples[samples.length - 1] ?? 0,
    rssMaxMiB: Math.max(...samples),
  };
}

/**
 * The record store at scale: fill a store with `recordCount` generated records, time a build that
 * changes 10 of them, harvest it through `cablekit serve` processes, and soak them with concurrent
 * harvesters. On SQLite (one server) and on PostgreSQL (two servers on one throwaway cluster).
 */
export async function runOaiScaleBench(
  recordCount: number,
  soakSeconds: number,
  kinds: readonly ('sqlite' | 'postgres')[],
  /** A folder kept between runs: its SQLite store, once filled with `recordCount` records, is reused (a million records take many minutes to fill). */
  keepDir?: string,
): Promise<BenchResult> {
  const lines: string[] = [];
  const metrics: Record<string, number> = { records: recordCount, soakSeconds };
  for (const kind of kinds) {
    // PostgreSQL is kept only in a database of its own (CABLEKIT_BENCH_OAI_PG_URL), else a throwaway cluster.
    const pgUrl = kind === 'postgres' ? process.env['CABLEKIT_BENCH_OAI_PG_URL'] : undefined;
    const reuse = keepDir !== undefined && (kind === 'sqlite' || pgUrl !== undefined);
    const root = reuse ? join(keepDir, kind) : mkdtempSync(join(tmpdir(), `cablekit-oai-scale-${kind}-`));
    mkdirSync(root, { recursive: true });
    const cluster = kind === 'postgres' && pgUrl === undefined ? await startPostgresCluster() : undefined;
    const children: ChildProcess[] = [];
    try {
      const store = kind === 'sqlite' ? 'sqlite' : (pgUrl ?? (await cluster!.createDatabase('bench')));
      const config: CablekitConfig = { ...DEFAULT_CONFIG, outputDir: join(root, 'output'), oai: { ...DEFAULT_CONFIG.oai, store } };
      writeFileSync(join(root, 'cablekit.config.json'), JSON.stringify({ outputDir: 'output', teiDir: 'tei', sourcesDir: 'sources', oai: { store } }));
      const opened = await openStore(root, config);
      if (!opened.store) throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
      const db: OaiStore = opened.store;
      const held = await db.count({});
      if (held !== 0 && held !== recordCount) throw new Error(`the kept store in ${root} holds ${held} records, not ${recordCount}: remove it or change CABLEKIT_BENCH_OAI_DIR`);
      const fill = held === recordCount ? { seconds: 0, writeSeconds: 0 } : await fillStore(db, recordCount, config);
      console.error(`${kind}: ${recordCount} records ${held === recordCount ? 'reused' : `filled in ${fill.seconds.toFixed(0)} s`}`);
      // The fallback of a build that cannot trust its cache: reading every stored hash.
      const t0 = performance.now();
      const states = await db.states();
      const statesMs = performance.now() - t0;
      states.length = 0;
      const fillS = fill.seconds;
      await db.close();
      // A build that changes 10 records, through the real sync with the build's last sync (3 runs, the median).
      const lastSyncPath = join(root, 'last-sync.json');
      if (!reuse) rmSync(lastSyncPath, { force: true });
      const runs: ChangedTen[] = [];
      for (let run = 0; run < 3; run++) runs.push(await changeTen(root, config, recordCount, lastSyncPath, 'incremental'));
      const syncMs = median(runs.map((r) => r.syncMs));
      const plan = runs[runs.length - 1]!.plan;
      const crosswalkMs = median(runs.map((r) => r.crosswalkMs));
      const servers = kind === 'sqlite' ? [await serve(root)] : [await serve(root), await serve(root)];
      children.push(...servers.map((s) => s.child));
      const urls = servers.map((s) => s.url);
      const pids = servers.map((s) => s.child.pid as number);
      console.error(`${kind}: build of 10 changes planned and applied; harvesting`);
      const harvest = await singleHarvest(urls, recordCount);
      // Said at once: the figure the issue targets is not lost if the soak fails.
      console.error(`${kind}: harvested ${harvest.records} records in ${harvest.pages} pages: ${harvest.recordsPerSecond.toFixed(0)} records/s, first page ${harvest.firstMs.toFixed(1)} ms, last ${harvest.lastMs.toFixed(1)} ms (median of first ten ${harvest.firstTenMs.toFixed(1)}, last ten ${harvest.lastTenMs.toFixed(1)}), ${harvest.retries.length} retries; soaking ${soakSeconds} s`);
      const rssAfterHarvest = Math.max(...pids.map(rssMiB));
      const soakRss: number[] = [];
      const soaked = await soak(urls, pids, soakSeconds, 8, soakRss);
      const k = kind === 'sqlite' ? 'sqlite' : 'pg';
      Object.assign(metrics, {
        [`${k}FillSeconds`]: fillS,
        [`${k}FillWriteSeconds`]: fill.writeSeconds,
        [`${k}FirstPageMs`]: harvest.firstMs,
        [`${k}LastPageMs`]: harvest.lastMs,
        [`${k}Pages`]: harvest.pages,
        [`${k}HarvestRetries`]: harvest.retries.length,
        [`${k}ChangedTenStoreMs`]: syncMs,
        [`${k}ChangedTenStatesRead`]: plan.statesRead,
        [`${k}ChangedTenRowsWritten`]: plan.rowsWritten,
        [`${k}ChangedTenCrosswalkMs`]: crosswalkMs,
        [`${k}FullCompareStatesMs`]: statesMs,
        [`${k}HarvestRecordsPerSecond`]: harvest.recordsPerSecond,
        [`${k}FirstTenPagesMs`]: harvest.firstTenMs,
        [`${k}LastTenPagesMs`]: harvest.lastTenMs,
        [`${k}RssAfterHarvestMiB`]: rssAfterHarvest,
        ...Object.fromEntries(Object.entries(soaked).map(([name, v]) => [`${k}Soak${name[0]!.toUpperCase()}${name.slice(1)}`, v])),
      });
      const who = kind === 'sqlite' ? 'SQLite, one cablekit serve' : 'PostgreSQL, two cablekit serve alternating';
      const start = lines.length;
      lines.push(
        `OAI store at scale (${who}): ${recordCount} records, filled in ${fillS.toFixed(1)} s (${fill.writeSeconds.toFixed(1)} s of it writing, the rest generating and crosswalking)`,
        `  build changing 10 records: store sync ${syncMs.toFixed(0)} ms (median of ${runs.map((r) => r.syncMs.toFixed(0)).join(', ')}; ${plan.mode}: ${plan.statesRead} stored records looked up, ${plan.rowsWritten} rows written; target < 1000), crosswalk of the 10 cables ${crosswalkMs.toFixed(0)} ms; ${plan.counts.updated} updated`,
        `  full comparison (a build without its cache, or a store written by anything else): reading every stored hash ${statesMs.toFixed(0)} ms`,
        `  one harvester, ListRecords oai_dc (server's default page size): ${harvest.records} records in ${harvest.pages} pages, ${harvest.recordsPerSecond.toFixed(0)} records/s (target ≥ 10000); first page ${harvest.firstMs.toFixed(1)} ms, last ${harvest.lastMs.toFixed(1)} ms; median page: first 10 ${harvest.firstTenMs.toFixed(1)} ms, last 10 ${harvest.lastTenMs.toFixed(1)} ms (target last ≤ 2× first)`,
        `  harvest requests retried: ${harvest.retries.length}${harvest.retries.length > 0 ? ` (${harvest.retries.join('; ')})` : ''}`,
        `  server RSS after the harvest ${rssAfterHarvest.toFixed(0)} MiB (target < 300)`,
        `  soak ${soakSeconds} s, 8 harvesters (ListRecords/ListIdentifiers + GetRecord): ${soaked.requests} requests, ${soaked.errors} errors, ${soaked.requestsPerSecond!.toFixed(0)} req/s, ${soaked.recordsPerSecond!.toFixed(0)} records/s, p50 ${soaked.p50Ms!.toFixed(1)} ms, p99 ${soaked.p99Ms!.toFixed(1)} ms; RSS ${soaked.rssStartMiB!.toFixed(0)} → ${soaked.rssEndMiB!.toFixed(0)} MiB (max ${soaked.rssMaxMiB!.toFixed(0)})`,
        `  server RSS every 30 s of the soak (MiB): ${soakRss.filter((_, n) => n % 6 === 0).map((v) => v.toFixed(0)).join(' ')}`,
      );
      // Shown as each store finishes: a later store's failure must not lose these figures.
      for (const line of lines.slice(start)) console.log(line);
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await new Promise((ok) => setTimeout(ok, 300));
      cluster?.stop();
      if (!reuse) rmSync(root, { recursive: true, force: true });
    }
  }
  return { name: 'oai-scale', lines, metrics };
}
