import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-harness.js';
import { filesUnder, packagedEdition } from './package-harness.js';

/** Same inputs, same bytes (issue 14, "Deterministic"): checksums of packages hold across rebuilds and machines. */
describe('packages are deterministic', () => {
  let dir = '';
  beforeAll(() => {
    ({ dir } = packagedEdition());
  }, 180_000);

  it('packaging the same TEI again into an empty folder, later and in another time zone, gives the same files with the same bytes', () => {
    const again = join(dir, 'again');
    const run = runCli(['package', '--format', 'all', '--out', again], dir, { TZ: 'Pacific/Kiritimati' });
    expect(run.status, run.stderr).toBe(0);
    const first = join(dir, 'packages');
    const files = filesUnder(first);
    expect(files.length).toBeGreaterThan(50);
    expect(filesUnder(again)).toEqual(files);
    for (const f of files) expect(readFileSync(join(again, f)).equals(readFileSync(join(first, f))), f).toBe(true);
    // The zip was in that comparison; so were the OCFL inventories, whose times come from the TEI.
    expect(files).toContain('saf/import.zip');
  });

  for (const as of ['zip', 'tar'] as const) {
    it(`serialized bags (${as}) are the same bytes in two time zones`, () => {
      const out = (tz: string): string => join(dir, `bags-${as}-${tz.replace('/', '-')}`);
      for (const tz of ['UTC', 'America/Anchorage']) {
        const run = runCli(['package', '--format', 'bagit', '--serialization', as, '--out', out(tz)], dir, { TZ: tz });
        expect(run.status, run.stderr).toBe(0);
      }
      const names = filesUnder(out('UTC'));
      expect(names.every((n) => n.endsWith(`.${as}`))).toBe(true);
      for (const n of names) expect(readFileSync(join(out('America/Anchorage'), n)).equals(readFileSync(join(out('UTC'), n))), n).toBe(true);
    });
  }
});
