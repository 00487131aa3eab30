import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type CablekitConfig } from '../src/config/config.js';
import { openStore, planSync, type OaiStore } from '../src/oai/index.js';
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

function serve(cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath(), 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
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

/** One harvester takes everything (oai_dc, 100 a page), alternating between the servers. */
async function singleHarvest(urls: string[], expected: number): Promise<{ recordsPerSecond: number; firstTenMs: number; lastTenMs: number; records: number }> {
  const pageMs: number[] = [];
  let records = 0;
  let query = 'verb=ListRecords&metadataPrefix=oai_dc';
  const started = performance.now();
  for (let page = 0; page <= expected / 100 + 1; page++) {
    const t0 = performance.now();
    const xml = await (await fetch(`${urls[page % urls.length]}?${query}`)).text();
    pageMs.push(performance.now() - t0);
    records += xml.split('<record>').length - 1;
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
    if (token === undefined) break;
    query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  return { recordsPerSecond: records / seconds, firstTenMs: median(pageMs.slice(0, 10)), lastTenMs: median(pageMs.slice(-10)), records };
}

/** A soak: `harvesters` concurrent harvests for `seconds`, server RSS sampled every 5 s. */
async function soak(urls: string[], pids: number[], seconds: number, harvesters: number): Promise<Record<string, number>> {
  const samples: number[] = [];
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
export async function runOaiScaleBench(recordCount: number, soakSeconds: number, withPostgres: boolean): Promise<BenchResult> {
  const lines: string[] = [];
  const metrics: Record<string, number> = { records: recordCount, soakSeconds };
  const cables = Array.from({ length: recordCount }, (_, n) => generatedCable(n));
  const kinds: ('sqlite' | 'postgres')[] = withPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    const root = mkdtempSync(join(tmpdir(), `cablekit-oai-scale-${kind}-`));
    const cluster = kind === 'postgres' ? await startPostgresCluster() : undefined;
    const children: ChildProcess[] = [];
    try {
      const store = kind === 'sqlite' ? 'sqlite' : await cluster!.createDatabase('bench');
      const config: CablekitConfig = { ...DEFAULT_CONFIG, outputDir: join(root, 'output'), oai: { ...DEFAULT_CONFIG.oai, store } };
      writeFileSync(join(root, 'cablekit.config.json'), JSON.stringify({ outputDir: 'output', teiDir: 'tei', sourcesDir: 'sources', oai: { store } }));
      const opened = await openStore(root, config);
      if (!opened.store) throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
      const db: OaiStore = opened.store;
      let t0 = performance.now();
      await db.apply(planSync([], cables, config, new Date('2026-01-01T00:00:00Z')).changes);
      const fillS = (performance.now() - t0) / 1000;
      // A build that changes 10 records: the plan needs the crosswalk of every cable (timed apart);
      // the store's part is reading the hashes and one transaction of 10 writes.
      const changed = cables.map((c, n) => (n % Math.floor(recordCount / 10) === 0 ? { ...c, teiSha256: 'f'.repeat(64) } : c));
      t0 = performance.now();
      const states = await db.states();
      const statesMs = performance.now() - t0;
      t0 = performance.now();
      const plan = planSync(states, changed, config, new Date('2026-01-02T00:00:00Z'));
      const planMs = performance.now() - t0;
      t0 = performance.now();
      await db.apply(plan.changes);
      const applyMs = performance.now() - t0;
      await db.close();
      const servers = kind === 'sqlite' ? [await serve(root)] : [await serve(root), await serve(root)];
      children.push(...servers.map((s) => s.child));
      const urls = servers.map((s) => s.url);
      const pids = servers.map((s) => s.child.pid as number);
      const harvest = await singleHarvest(urls, recordCount);
      const rssAfterHarvest = Math.max(...pids.map(rssMiB));
      const soaked = await soak(urls, pids, soakSeconds, 8);
      const k = kind === 'sqlite' ? 'sqlite' : 'pg';
      Object.assign(metrics, {
        [`${k}FillSeconds`]: fillS,
        [`${k}ChangedTenStoreMs`]: statesMs + applyMs,
        [`${k}ChangedTenPlanMs`]: planMs,
        [`${k}HarvestRecordsPerSecond`]: harvest.recordsPerSecond,
        [`${k}FirstTenPagesMs`]: harvest.firstTenMs,
        [`${k}LastTenPagesMs`]: harvest.lastTenMs,
        [`${k}RssAfterHarvestMiB`]: rssAfterHarvest,
        ...Object.fromEntries(Object.entries(soaked).map(([name, v]) => [`${k}Soak${name[0]!.toUpperCase()}${name.slice(1)}`, v])),
      });
      const who = kind === 'sqlite' ? 'SQLite, one cablekit serve' : 'PostgreSQL, two cablekit serve alternating';
      lines.push(
        `OAI store at scale (${who}): ${recordCount} records, filled in ${fillS.toFixed(1)} s`,
        `  build changing 10 records: store ${(statesMs + applyMs).toFixed(0)} ms (hashes ${statesMs.toFixed(0)} ms + transaction ${applyMs.toFixed(0)} ms; target < 1000), plan with the crosswalk of every record ${planMs.toFixed(0)} ms; ${plan.counts.updated} updated`,
        `  one harvester, ListRecords oai_dc 100/page: ${harvest.records} records, ${harvest.recordsPerSecond.toFixed(0)} records/s (target ≥ 10000), median page: first 10 ${harvest.firstTenMs.toFixed(1)} ms, last 10 ${harvest.lastTenMs.toFixed(1)} ms (target last ≤ 2× first)`,
        `  server RSS after the harvest ${rssAfterHarvest.toFixed(0)} MiB (target < 300)`,
        `  soak ${soakSeconds} s, 8 harvesters (ListRecords/ListIdentifiers + GetRecord): ${soaked.requests} requests, ${soaked.errors} errors, ${soaked.requestsPerSecond!.toFixed(0)} req/s, ${soaked.recordsPerSecond!.toFixed(0)} records/s, p50 ${soaked.p50Ms!.toFixed(1)} ms, p99 ${soaked.p99Ms!.toFixed(1)} ms; RSS ${soaked.rssStartMiB!.toFixed(0)} → ${soaked.rssEndMiB!.toFixed(0)} MiB (max ${soaked.rssMaxMiB!.toFixed(0)})`,
      );
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await new Promise((ok) => setTimeout(ok, 300));
      cluster?.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }
  return { name: 'oai-scale', lines, metrics };
}
