import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-result.js';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED } from './ingest-bench.js';
import { checkBags, checkMets, checkOcfl, checkSaf, tamperingDetected } from './package-validate.js';
import { repoRoot } from './repo-root.js';

/**
 * Deposit packages of a generated edition: the built CLI (dist/) builds it, then packages it as
 * BagIt and as OCFL (each timed as a whole process, into an empty folder), against sha256sum and
 * sha512sum run over the very same payload files in the same run (the target is to be bound by
 * hashing); then every format once, each checked by its outside validator, and a tampered byte
 * that must be caught. Payload: the TEI, both DC records, the IIIF manifest, the reading-edition
 * page and the source page.
 */

/** The built command (dist/), found through package.json, which dist-bench/ links to from the project. */
const CLI = join(dirname(realpathSync(fileURLToPath(new URL('package.json', repoRoot())))), 'dist', 'cli', 'main.js');
/** Whole-process runs of each side, of which the median is reported (CABLEKIT_BENCH_PACKAGE_ROUNDS). */
const ROUNDS = Number(process.env['CABLEKIT_BENCH_PACKAGE_ROUNDS'] ?? 3);

/** What /usr/bin/time says of a whole process (and the children it waited for): wall and CPU seconds, peak RSS. */
interface Usage {
  wall: number;
  user: number;
  sys: number;
  maxKb: number;
}

let usageFile = '';
/** The last process run through `timedSpawn`. */
let lastUsage: Usage = { wall: Number.NaN, user: Number.NaN, sys: Number.NaN, maxKb: Number.NaN };

/** spawnSync under GNU time: CPU seconds are what the comparison needs on a shared machine, where wall time swings. */
function timedSpawn(command: string, args: string[], options: Parameters<typeof spawnSync>[2] = {}): ReturnType<typeof spawnSync> {
  const run = spawnSync('/usr/bin/time', ['-o', usageFile, '-f', '%e %U %S %M', command, ...args], options);
  const [wall, user, sys, maxKb] = (readFileSync(usageFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number) as [number, number, number, number];
  lastUsage = { wall, user, sys, maxKb };
  return run;
}

function seconds(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The last summary line `cablekit package` printed (it says how many TEI files were validated, and where). */
let lastSummary = '';

/** Runs the built CLI; an error other than the ones `tolerated` names stops the bench. Returns the error lines. */
function cli(args: string[], cwd: string, tolerated?: RegExp): string[] {
  const run = timedSpawn(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }) as SpawnSyncReturns<string>;
  const errors = run.stderr.split('\n').filter((l) => / error /.test(l));
  const fatal = errors.filter((l) => !tolerated?.test(l));
  if (run.status !== 0 && (fatal.length > 0 || errors.length === 0)) throw new Error(`cablekit ${args.join(' ')} exited ${String(run.status)}: ${fatal.slice(0, 5).join('\n') || run.stderr.slice(-2000)}`);
  lastSummary = run.stderr.split('\n').filter((l) => l.startsWith('Packaged ')).at(-1) ?? lastSummary;
  return errors;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The files every package carries, as the edition holds them. */
function payloadFiles(edition: string): string[] {
  const iiif = join(edition, 'output', 'iiif');
  return [
    ...filesUnder(join(edition, 'tei')).filter((f) => f.endsWith('.xml')),
    ...filesUnder(join(edition, 'output', 'dc')).filter((f) => f.endsWith('.oai_dc.xml') || f.endsWith('.qdc.xml')),
    ...readdirSync(iiif).map((d) => join(iiif, d, 'manifest.json')).filter((f) => existsSync(f)),
    ...filesUnder(join(edition, 'output', 'site', 'documents')).filter((f) => f.endsWith('.html')),
    ...filesUnder(join(edition, 'sources')).filter((f) => f.endsWith('.txt')),
  ];
}

/**
 * `built`: an edition already generated and built by this bench's generator (or any built
 * edition), packaged as it is; its build is not timed again. Packages go to `workDir` either way.
 */
/** Every format once, each checked by its outside validator, and a tampered byte in a bag and in an OCFL object. */
async function everyFormatChecked(edition: string, out: string, documents: number): Promise<{ allSeconds: number; allUsage: Usage; counts: Record<string, number>; problems: string[]; tamper: { bag: boolean; ocfl: boolean } }> {
  rmSync(out, { recursive: true, force: true });
  const allSeconds = seconds(() => cli(['package', '--format', 'all', '--out', out], edition));
  const allUsage = lastUsage;
  const bags = checkBags(join(out, 'bagit'));
  const bagCount = readdirSync(join(out, 'bagit')).length;
  const ocflCheck = await checkOcfl(join(out, 'ocfl'));
  const mets = checkMets(join(out, 'mets'));
  const saf = await checkSaf(join(out, 'saf'));
  const tamper = await tamperingDetected(join(out, 'bagit'), join(out, 'ocfl'));
  const problems = [...bags, ...ocflCheck.problems, ...mets, ...saf.problems];
  const counts = { bagit: bagCount, ocfl: ocflCheck.objects, mets: readdirSync(join(out, 'mets')).length, saf: saf.items, archivematica: readdirSync(join(out, 'archivematica')).length };
  const complete = Object.values(counts).every((n) => n === documents);
  if (problems.length > 0 || !complete || !tamper.bag || !tamper.ocfl) process.exitCode = 1;
  return { allSeconds, allUsage, counts, problems, tamper };

}

/** Whether a folder holds an edition already built (TEI files written). */
function isBuilt(edition: string): boolean {
  return existsSync(join(edition, 'tei')) && readdirSync(join(edition, 'tei')).some((f) => f.endsWith('.xml'));
}

export async function runPackageBench(count: number, workDir: string, kept?: string): Promise<BenchResult> {
  const edition = kept ?? join(workDir, 'edition');
  usageFile = join(workDir, 'usage.txt');
  // A kept folder that holds no built edition yet is generated and built there, and stays for later runs.
  const built = kept !== undefined && isBuilt(kept) ? kept : undefined;
  let duplicates = 0;
  let buildSeconds = Number.NaN;
  if (built === undefined) {
    for (const page of generateSyntheticPages(count, BENCH_SEED)) {
      mkdirSync(join(edition, 'sources', page.path, '..'), { recursive: true });
      writeFileSync(join(edition, 'sources', page.path), page.text);
    }
    writeFileSync(join(edition, 'cablekit.config.json'), JSON.stringify({ baseUrl: 'http://127.0.0.1:8080' }));
    // The generator gives a page now and then the id of an earlier one. Builds that refuse such a
    // page (build/duplicate-id, before ids were made unique) leave a few documents fewer than pages:
    // the packages are counted against the TEI files the build wrote.
    buildSeconds = seconds(() => {
      duplicates = cli(['build', '--no-progress', '--quiet'], edition, / error build\/duplicate-id /).length;
    });
  }
  const documents = readdirSync(join(edition, 'tei')).filter((f) => f.endsWith('.xml')).length;

  const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
  const payload = payloadFiles(edition);
  const payloadMB = payload.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
  const list = join(workDir, 'payload.list');
  writeFileSync(list, `${payload.join('\0')}\0`);
  const hash = (tool: string): void => {
    const run = timedSpawn('sh', ['-c', `xargs -0 ${tool} < "$1" > /dev/null`, 'sh', list]);
    if (run.status !== 0) throw new Error(`${tool} over the payload failed`);
  };
  // Every run writes into a folder of its own, beside the edition as the default packages/ folder
  // is, and all are removed at the end. Removing the last run's packages just before the next run
  // would time ext4 rather than cablekit: on a file system without a journal (this machine's), ext4
  // skips inodes freed in the last minute when it allocates new ones, and creating files in a
  // folder whose files were just removed took up to 0.7 ms of kernel time each instead of ~0.05 ms.
  // A name of its own per bench run: the leftovers of an interrupted run are not removed just before timing.
  const outRoot = join(edition, `packages-bench-${process.pid}-${Date.now()}`);
  const out = (name: string): string => join(outRoot, name);
  const timed: Record<string, number[]> = { bagit: [], ocfl: [], sha256sum: [], sha512sum: [], 'cp -r bags': [], 'cp -r ocfl': [] };
  const usages: Record<string, Usage[]> = Object.fromEntries(Object.keys(timed).map((k) => [k, []]));
  const used = (name: string, wall: number): void => {
    timed[name]?.push(wall);
    usages[name]?.push(lastUsage);
  };
  const summaries: string[] = [];
  const loads: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const format of ['bagit', 'ocfl'] as const) {
        used(format, seconds(() => cli(['package', '--format', format, '--out', out(`${format}-${round}`)], edition)));
        summaries.push(`${format}: ${lastSummary.replace(/^.*?: /, '')}`);
      }
      for (const tool of ['sha256sum', 'sha512sum'] as const) used(tool, seconds(() => hash(tool)));
      // The same files and folders made by coreutils: what creating them costs on this disk, without cablekit.
      for (const [name, format] of [['cp -r bags', 'bagit'], ['cp -r ocfl', 'ocfl']] as const) {
        used(name, seconds(() => timedSpawn('cp', ['-r', out(`${format}-${round}`), out(`${format}-${round}-copy`)])));
      }
      loads.push(loadavg().map((l) => l.toFixed(1)).join(' '));
    }
  } catch (error) {
    rmSync(outRoot, { recursive: true, force: true });
    throw error;
  }
  const med = Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, median(v)])) as Record<'bagit' | 'ocfl' | 'sha256sum' | 'sha512sum' | 'cp -r bags' | 'cp -r ocfl', number>;

  const checks = process.env['CABLEKIT_BENCH_PACKAGE_CHECKS'] === '0' ? undefined : await everyFormatChecked(edition, out('all'), documents);
  const rate = (s: number): string => `${(payloadMB / s).toFixed(1)} MB/s`;
  const cpu = (name: string): number => median((usages[name] ?? []).map((u) => u.user + u.sys));
  const cpuOf = (name: string): string => `${name} ${(usages[name] ?? []).map((u) => `${u.user.toFixed(1)}+${u.sys.toFixed(1)}`).join(' / ')} (peak RSS ${Math.max(...(usages[name] ?? []).map((u) => u.maxKb / 1024)).toFixed(0)} MB)`;
  const origin = built === undefined ? `built in ${buildSeconds.toFixed(1)} s` : `built beforehand in ${edition}`;
  return {
    name: 'package',
    lines: [
      `package: ${count} generated pages, ${documents} documents (${duplicates} pages refused as duplicate ids), ${payloadMB.toFixed(1)} MB of payload in ${payload.length} files (${origin}); medians of ${ROUNDS} whole-process runs; load average at the start ${loadBefore}, at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      `package: bagit ${med.bagit.toFixed(2)} s (${rate(med.bagit)}), ocfl ${med.ocfl.toFixed(2)} s (${rate(med.ocfl)}); over the same files sha256sum ${med.sha256sum.toFixed(2)} s (${rate(med.sha256sum)}), sha512sum ${med.sha512sum.toFixed(2)} s (${rate(med.sha512sum)}); bagit/sha256sum ${(med.bagit / med.sha256sum).toFixed(1)}×, bagit/(sha256sum + sha512sum) ${(med.bagit / (med.sha256sum + med.sha512sum)).toFixed(1)}× (a bag has both manifests), ocfl/sha512sum ${(med.ocfl / med.sha512sum).toFixed(1)}×`,
      `package: the written packages copied by cp -r (the same files and folders created by coreutils): bags ${med['cp -r bags'].toFixed(2)} s, OCFL ${med['cp -r ocfl'].toFixed(2)} s; bagit/cp ${(med.bagit / med['cp -r bags']).toFixed(1)}×, ocfl/cp ${(med.ocfl / med['cp -r ocfl']).toFixed(1)}×`,
      `package: CPU user+sys s per round: ${Object.keys(usages).map(cpuOf).join('; ')}`,
      `package: median CPU: bagit ${cpu('bagit').toFixed(1)} s = ${(cpu('bagit') / (cpu('sha256sum') + cpu('sha512sum'))).toFixed(1)}× sha256sum + sha512sum (${(cpu('sha256sum') + cpu('sha512sum')).toFixed(1)} s), ${(cpu('bagit') / cpu('cp -r bags')).toFixed(1)}× cp -r of the bags (${cpu('cp -r bags').toFixed(1)} s), ${(cpu('bagit') / (cpu('sha256sum') + cpu('sha512sum') + cpu('cp -r bags'))).toFixed(1)}× hashing + cp -r; ocfl ${cpu('ocfl').toFixed(1)} s = ${(cpu('ocfl') / cpu('sha512sum')).toFixed(1)}× sha512sum, ${(cpu('ocfl') / cpu('cp -r ocfl')).toFixed(1)}× cp -r of the OCFL root (${cpu('cp -r ocfl').toFixed(1)} s), ${(cpu('ocfl') / (cpu('sha512sum') + cpu('cp -r ocfl'))).toFixed(1)}× sha512sum + cp -r`,
      `package: every round (s): ${Object.entries(timed).map(([k, v]) => `${k} ${v.map((x) => x.toFixed(2)).join(' ')}`).join('; ')}; load average after each round: ${loads.join(' | ')}`,
      `package: the runs said: ${[...new Set(summaries)].join(' | ')}`,
      checks
        ? `package: every format in ${checks.allSeconds.toFixed(1)} s (CPU ${checks.allUsage.user.toFixed(1)} user + ${checks.allUsage.sys.toFixed(1)} sys, peak RSS ${(checks.allUsage.maxKb / 1024).toFixed(0)} MB); packages ${JSON.stringify(checks.counts)}; validators: ${checks.problems.length === 0 ? 'no problem' : `${checks.problems.length} problems, first: ${checks.problems.slice(0, 3).join(' | ')}`}; tampered byte caught: bag ${checks.tamper.bag}, OCFL ${checks.tamper.ocfl}`
        : 'package: every format and the validators not run (CABLEKIT_BENCH_PACKAGE_CHECKS=0)',
    ],
    // Removing the packages takes minutes at 10,000 documents on this disk: left to the caller, after the figures are out.
    cleanUp: () => rmSync(outRoot, { recursive: true, force: true }),
    metrics: {
      pages: count,
      documents,
      payloadMB,
      bagitSeconds: med.bagit,
      ocflSeconds: med.ocfl,
      sha256sumSeconds: med.sha256sum,
      sha512sumSeconds: med.sha512sum,
      cpBagsSeconds: med['cp -r bags'],
      cpOcflSeconds: med['cp -r ocfl'],
      ...(checks ? { allFormatsSeconds: checks.allSeconds, validatorProblems: checks.problems.length } : {}),
    },
  };
}

/**
 * `node dist-bench/bench/package-bench.js [documents]` runs this bench alone (default 1,000
 * documents); CABLEKIT_BENCH_PACKAGE_EDITION names a folder for the edition: packaged as it is when
 * it was built before, else generated and built there, and kept for the next run.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? process.env['CABLEKIT_BENCH_PACKAGE_DOCS'] ?? 1000);
  const built = process.env['CABLEKIT_BENCH_PACKAGE_EDITION'];
  const workDir = mkdtempSync(join(tmpdir(), 'cablekit-package-bench-'));
  try {
    const result = await runPackageBench(count, workDir, built);
    for (const line of result.lines) console.log(line);
    result.cleanUp?.();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
