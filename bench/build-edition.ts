import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateSyntheticPages } from './generate-pages.js';
import { BENCH_SEED } from './ingest-bench.js';

/**
 * An edition folder of `count` generated pages with a config, ready for `cablekit build`: what the
 * build bench times, as a user would run it. Also a command: `node dist-bench/bench/build-edition.js DIR COUNT`.
 */
export function writeBenchEdition(dir: string, count: number): string[] {
  const pages = generateSyntheticPages(count, BENCH_SEED);
  for (const page of pages) {
    const file = join(dir, 'sources', page.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page.text);
  }
  writeFileSync(
    join(dir, 'cablekit.config.json'),
    `${JSON.stringify({ sourcesDir: 'sources', teiDir: 'tei', outputDir: 'output', baseUrl: 'http://127.0.0.1:8080' }, null, 2)}\n`,
  );
  return pages.map((p) => join(dir, 'sources', p.path));
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const [dir, count] = process.argv.slice(2);
  if (dir === undefined || count === undefined) {
    console.error('usage: build-edition.js DIR COUNT');
    process.exitCode = 2;
  } else {
    writeBenchEdition(dir, Number(count));
  }
}
