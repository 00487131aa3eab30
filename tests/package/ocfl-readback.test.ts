import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ocfl from '@ocfl/ocfl-fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-harness.js';
import { packageAll, packagedEdition } from './package-harness.js';

/**
 * The OCFL storage root read back by the OCFL JavaScript library (@ocfl/ocfl-fs, written by
 * others): it finds the objects by their NAMASTE files, places them by the layout extension the
 * root declares, checks each inventory against its sidecar digest and resolves logical paths to
 * content. What it reads must be, byte for byte, what the edition held when it was packaged.
 */

const sha512 = (bytes: Uint8Array): string => createHash('sha512').update(bytes).digest('hex');

/** A document's files as the edition holds them, by the logical path they have in its object. */
function editionFiles(dir: string, id: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    [`tei/${id}.xml`, readFileSync(join(dir, 'tei', `${id}.xml`))],
    [`dc/${id}.oai_dc.xml`, readFileSync(join(dir, 'output', 'dc', `${id}.oai_dc.xml`))],
    [`dc/${id}.qdc.xml`, readFileSync(join(dir, 'output', 'dc', `${id}.qdc.xml`))],
    ['iiif/manifest.json', readFileSync(join(dir, 'output', 'iiif', id, 'manifest.json'))],
    [`site/${id}.html`, readFileSync(join(dir, 'output', 'site', 'documents', `${id}.html`))],
  ]);
  const tei = files.get(`tei/${id}.xml`)?.toString('utf8') ?? '';
  const source = /<idno type="source-path">([^<]+)<\/idno>/.exec(tei)?.[1];
  if (source) files.set(`source/${source}`, readFileSync(join(dir, 'sources', source)));
  return files;
}

/** Every version of every object, read through the library: logical path → bytes and recorded digest. */
async function readBack(root: string): Promise<Map<string, { head: string; versions: Map<string, Map<string, { bytes: Buffer; digest: string }>> }>> {
  const storage = await ocfl.storage({ root }).load();
  const found = new Map<string, { head: string; versions: Map<string, Map<string, { bytes: Buffer; digest: string }>> }>();
  for await (const listed of storage) {
    await listed.load();
    // Placed again from its id by the library's own layout code: both must name the same folder.
    const object = storage.object(listed.id);
    expect(object.root).toBe(listed.root);
    await object.load();
    const inventory = await object.getInventory();
    expect(inventory.digestAlgorithm).toBe('sha512');
    const versions = new Map<string, Map<string, { bytes: Buffer; digest: string }>>();
    for (const name of Object.keys(inventory.versions)) {
      const files = new Map<string, { bytes: Buffer; digest: string }>();
      for (const file of await object.files(name)) files.set(file.logicalPath, { bytes: await file.buffer(), digest: file.digest });
      versions.set(name, files);
    }
    found.set(inventory.id, { head: inventory.head, versions });
  }
  return found;
}

describe('OCFL storage root read back by @ocfl/ocfl-fs', () => {
  let dir = '';
  let root = '';
  beforeAll(() => {
    ({ dir } = packagedEdition());
    root = join(dir, 'packages', 'ocfl');
  }, 180_000);

  it('finds every document as an object whose files and digests are what was packaged', async () => {
    const objects = await readBack(root);
    expect([...objects.keys()].sort()).toEqual(['prc-fma-106-01479-08-85-88', 'wilson-118686']);
    for (const [id, object] of objects) {
      expect(object.head).toBe('v1');
      const read = object.versions.get('v1');
      const wanted = editionFiles(dir, id);
      expect([...(read?.keys() ?? [])].sort()).toEqual([...wanted.keys()].sort());
      for (const [path, bytes] of wanted) {
        const got = read?.get(path);
        expect(got?.bytes.equals(bytes), `${id} ${path}`).toBe(true);
        expect(got?.digest).toBe(sha512(bytes));
      }
    }
  });

  it('after one TEI changes, v1 still reads as before and v2 holds the new TEI; the other object is untouched', async () => {
    const id = 'wilson-118686';
    const before = editionFiles(dir, id);
    const tei = join(dir, 'tei', `${id}.xml`);
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('Kim Il discusses', 'Kim Il (Vice Premier) discusses'));
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
    packageAll(dir);
    const after = editionFiles(dir, id);
    expect(after.get(`tei/${id}.xml`)?.equals(before.get(`tei/${id}.xml`) as Buffer)).toBe(false);

    const objects = await readBack(root);
    const object = objects.get(id);
    expect(object?.head).toBe('v2');
    for (const [version, wanted] of [['v1', before], ['v2', after]] as const) {
      const read = object?.versions.get(version);
      expect([...(read?.keys() ?? [])].sort(), version).toEqual([...wanted.keys()].sort());
      for (const [path, bytes] of wanted) {
        expect(read?.get(path)?.bytes.equals(bytes), `${version} ${path}`).toBe(true);
        expect(read?.get(path)?.digest, `${version} ${path}`).toBe(sha512(bytes));
      }
    }
    expect(objects.get('prc-fma-106-01479-08-85-88')?.head).toBe('v1');
  });

  it('the library refuses an object whose inventory no longer matches its sidecar', async () => {
    const storage = await ocfl.storage({ root }).load();
    const object = storage.object('prc-fma-106-01479-08-85-88');
    const inventory = join(object.root, 'inventory.json');
    writeFileSync(inventory, readFileSync(inventory, 'utf8').replace('"head": "v1"', '"head": "v1" '));
    await expect(storage.object('prc-fma-106-01479-08-85-88').load()).rejects.toThrow(/digest mismatch/);
  });
});
