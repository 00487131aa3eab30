import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareTeiFiles } from '../../src/cli/package/read-documents.js';
import { packageSettings } from '../../src/cli/package/run-packaging.js';
import { loadConfig } from '../../src/config/load-config.js';
import { editionBag, safPackages, type BagSerialization, type PackageDocument } from '../../src/package/index.js';
import { siteSettings } from '../../src/site/site-settings.js';
import { runCli } from '../cli/cli-harness.js';
import { filesUnder, packagedEdition } from './package-harness.js';

/**
 * SAF's import.zip and the edition bag hold every document, but `cablekit package` never holds
 * them all: it writes them from the item folders and the payload its threads wrote, a file at a
 * time. They must be the very bytes the packages' pure definitions give from every document in
 * memory (`safPackages`, `editionBag`), with one thread and with two.
 */
describe('packages of the whole edition, written without holding every document', { timeout: 180_000 }, () => {
  let dir = '';
  let docs: PackageDocument[] = [];
  let settings: ReturnType<typeof packageSettings>;
  beforeAll(() => {
    ({ dir } = packagedEdition({ packages: { safCollection: '123456789/2' } }));
    const { config } = loadConfig(undefined, dir);
    if (!config) throw new Error('no config');
    settings = packageSettings(config);
    const names = readdirSync(config.teiDir).filter((f) => f.endsWith('.xml')).sort();
    const prepared = prepareTeiFiles(
      names.map((n) => ({ stem: n.slice(0, -4), path: join(config.teiDir, n), teiPath: `tei/${n}` })),
      { outputDir: config.outputDir, sourcesDir: config.sourcesDir, sitePath: siteSettings(config).siteDir.split('/') },
    );
    docs = prepared.flatMap((p) => p.doc ?? []);
    expect(docs.length).toBe(2);
  });

  it("import.zip is safPackages' zip", async () => {
    const expected = (await safPackages(docs, settings)).packages.find((p) => p.path === 'import.zip')?.files[0]?.bytes as Uint8Array;
    for (const jobs of ['1', '2']) {
      const out = join(dir, `saf-${jobs}`);
      const run = runCli(['package', '--format', 'saf', '--jobs', jobs, '--out', out], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(join(out, 'saf', 'import.zip')).equals(Buffer.from(expected))).toBe(true);
    }
  });

  for (const as of ['dir', 'zip', 'tar'] as BagSerialization[]) {
    it(`the edition bag (${as}) is editionBag's, and packaging it again changes nothing`, async () => {
      const expected = (await editionBag(docs, settings, as)).packages[0];
      if (!expected) throw new Error('no edition bag');
      const out = join(dir, `bag-${as}`);
      for (const jobs of ['2', '1']) {
        const run = runCli(['package', '--format', 'bagit', '--edition-bag', '--serialization', as, '--jobs', jobs, '--out', out], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(jobs === '2' ? /bagit 3 written, 0 unchanged/ : /bagit 0 written, 3 unchanged/);
        const target = join(out, 'bagit', expected.path);
        if (expected.single) {
          expect(readFileSync(target).equals(Buffer.from(expected.files[0]?.bytes as Uint8Array))).toBe(true);
        } else {
          expect(filesUnder(target)).toEqual(expected.files.map((f) => f.path).sort());
          for (const f of expected.files) expect(readFileSync(join(target, f.path)).equals(Buffer.from(f.bytes)), f.path).toBe(true);
        }
      }
    });
  }
});
