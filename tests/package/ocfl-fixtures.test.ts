import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ocfl from '@ocfl/ocfl-fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoredObject } from '../../src/cli/package/stored-object.js';
import { addVersion, type VersionInfo } from '../../src/package/ocfl/add-version.js';
import { nextVersionName, parseInventory } from '../../src/package/ocfl/inventory.js';
import { continuable } from '../../src/package/ocfl/ocfl-packages.js';
import type { PackageFile } from '../../src/package/package-input.js';
import { filesUnder } from './package-harness.js';

/**
 * The OCFL specification's own fixture objects (tests/vendor/ocfl-fixtures, from OCFL/fixtures):
 * cablekit adds a version on top of every valid one it supports, and the OCFL JavaScript library
 * (@ocfl/ocfl-fs, written by others) reads every old version back unchanged and the new one as
 * given; it refuses, with a plain reason, every invalid one whose fault continuing depends on.
 * @ocfl/ocfl-fs has no validation API (its object's validate() throws "Not Implemented"), so it
 * cannot be run over the bad objects here.
 */

const VENDOR = join(import.meta.dirname, '../vendor/ocfl-fixtures');
const FIXTURES = join(VENDOR, '1.1');

interface Fixture {
  name: string;
  dir: string;
  /** The root inventory's text and id (the fixture's name when it has none), when it has one. */
  text?: string;
  id: string;
  json?: { digestAlgorithm?: unknown; contentDirectory?: unknown; head?: unknown };
}

function fixtures(kind: string): Fixture[] {
  return readdirSync(join(FIXTURES, kind))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, kind, name);
      let text: string | undefined;
      try {
        text = readFileSync(join(dir, 'inventory.json'), 'utf8');
      } catch {
        return { name, dir, id: name };
      }
      const json = JSON.parse(text) as Fixture['json'] & { id?: unknown };
      return { name, dir, text, json, id: typeof json.id === 'string' ? json.id : name };
    });
}

const valid = [...fixtures('good-objects'), ...fixtures('warn-objects')];
const supported = valid.filter((f) => f.json?.digestAlgorithm === 'sha512' && (f.json.contentDirectory ?? 'content') === 'content');
const unsupported = valid.filter((f) => !supported.includes(f));
const bad = fixtures('bad-objects');

const sha = (algorithm: string, bytes: Uint8Array | string): string => createHash(algorithm).update(bytes).digest('hex');
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const validateInventory = addFormats(new Ajv({ allErrors: true, strict: false })).compile(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/official/ocfl-1.1-inventory_schema.json'), 'utf8')) as object,
);
const INFO: VersionInfo = { created: '2026-01-02T03:04:05Z', user: { name: 'cablekit tests', address: 'https://example.org/tests' }, messagePrefix: 'fixture test' };

/** Every version of the object at `root`, as the library reads it: logical path → sha512 of the bytes. */
async function readBack(root: string): Promise<{ head: string; versions: Map<string, Map<string, string>> }> {
  const object = ocfl.object({ root });
  await object.load();
  const inventory = await object.getInventory();
  const versions = new Map<string, Map<string, string>>();
  for (const name of Object.keys(inventory.versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))) {
    const files = new Map<string, string>();
    for (const file of await object.files(name)) {
      const digest = sha('sha512', await file.buffer());
      expect(file.digest.toLowerCase(), `${name} ${file.logicalPath}`).toBe(digest);
      files.set(file.logicalPath, digest);
    }
    versions.set(name, files);
  }
  return { head: inventory.head, versions };
}

/** The head version's files, bytes read from the fixture through the library. */
async function headFiles(root: string): Promise<PackageFile[]> {
  const object = ocfl.object({ root });
  await object.load();
  const files: PackageFile[] = [];
  for (const file of await object.files()) files.push({ path: file.logicalPath, bytes: await file.buffer() });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const temp = mkdtempSync(join(tmpdir(), 'cablekit-ocfl-fixtures-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the vendored OCFL 1.1 fixtures', () => {
  it('are the files the README names, by its checksum', () => {
    const listing = filesUnder(FIXTURES)
      .map((path) => `${sha('sha256', readFileSync(join(FIXTURES, path)))}  1.1/${path}\n`)
      .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1))
      .join('');
    const readme = readFileSync(join(VENDOR, 'README.md'), 'utf8');
    expect(readme).toContain(`\`${sha('sha256', listing)}\``);
    expect([valid.length, bad.length]).toEqual([25, 55]);
  });
});

describe('cablekit continues the good and warn objects it supports', () => {
  it('supports every sha512 object with the default content directory, a majority of them', () => {
    expect(supported.length).toBeGreaterThan(unsupported.length);
  });

  it.each(supported.map((f) => [f.name, f] as const))('%s: a version with one file changed and one copied; the old versions read back unchanged', async (_, f) => {
    expect(parseInventory(f.text ?? '', f.id).problem).toBeUndefined();
    const previous = continuable(readStoredObject(f.dir), f.id);
    expect(previous.problem).toBeUndefined();
    const before = await readBack(f.dir);

    const files = await headFiles(f.dir);
    const first = files[0];
    // The copy's content is already in the object: it is not stored again, whatever case its digest is in.
    if (first) files.splice(0, 1, { path: first.path, bytes: Buffer.concat([first.bytes, Buffer.from('\nchanged by cablekit\n')]) }, { path: `${first.path}.cablekit-copy`, bytes: first.bytes });
    else files.push({ path: 'added by cablekit.txt', bytes: Buffer.from('added\n') });
    const update = addVersion(f.id, previous.inventory, files, INFO);
    expect(update.version).toBe(nextVersionName(String(f.json?.head)));
    expect(update.files.filter((file) => file.path.startsWith(`${update.version}/content/`)).map((file) => file.path)).toEqual([`${update.version}/content/${files[0]?.path}`]);

    const copy = join(temp, f.name);
    cpSync(f.dir, copy, { recursive: true });
    for (const file of update.files) {
      mkdirSync(dirname(join(copy, file.path)), { recursive: true });
      writeFileSync(join(copy, file.path), file.bytes);
    }
    const after = await readBack(copy);
    expect(after.head).toBe(update.version);
    expect([...after.versions.keys()]).toEqual([...before.versions.keys(), update.version]);
    for (const [name, read] of before.versions) expect(after.versions.get(name), name).toEqual(read);
    expect(after.versions.get(update.version as string)).toEqual(new Map(files.map((file) => [file.path, sha('sha512', file.bytes)])));

    const inventory = JSON.parse(readFileSync(join(copy, 'inventory.json'), 'utf8')) as Record<string, unknown> & { versions: Record<string, Record<string, unknown>> };
    expect(validateInventory(inventory), JSON.stringify(validateInventory.errors)).toBe(true);
    // What the library does not read is kept too: fixity, the content directory, each old version's time, message and user.
    const old = JSON.parse(f.text ?? '') as typeof inventory;
    expect([inventory['fixity'], inventory['contentDirectory']]).toEqual([old['fixity'], old['contentDirectory']]);
    for (const [name, v] of Object.entries(old.versions)) {
      const kept = inventory.versions[name] ?? {};
      expect([kept['created'], kept['message'], kept['user']], name).toEqual([v['created'], v['message'], v['user']]);
    }
    // What cablekit wrote it can continue, and the same files again add nothing.
    const again = continuable(readStoredObject(copy), f.id);
    expect(again.problem).toBeUndefined();
    expect(addVersion(f.id, again.inventory, files, INFO).version).toBeUndefined();
  });

  it.each(unsupported.map((f) => [f.name, f] as const))('%s: refused by design, with a plain reason', (_, f) => {
    const reason = f.json?.digestAlgorithm !== 'sha512' ? `uses ${String(f.json?.digestAlgorithm)}, cablekit continues only sha512 objects` : 'names a content directory other than "content"';
    expect(parseInventory(f.text ?? '', f.id).problem).toBe(`inventory.json ${reason}`);
    expect(continuable(readStoredObject(f.dir), f.id).problem).toBe(`inventory.json ${reason}`);
  });
});

/**
 * Each bad object cablekit refuses to continue, with what its reason must say, and whether the root
 * inventory alone shows the fault (parseInventory) or only the object's folder does (the sidecar,
 * the head's copy of the inventory, the declaration, the names in the root: continuable).
 */
const REFUSED: Record<string, [RegExp, 'inventory' | 'folder']> = {
  E001_extra_dir_in_root: [/holds extra_dir, which has no place in an OCFL object root/, 'folder'],
  E001_extra_file_in_root: [/holds extra_file, which has no place in an OCFL object root/, 'folder'],
  E001_invalid_version_format: [/no head version of the form v<n>/, 'inventory'],
  E001_v2_file_in_root: [/holds v2, which inventory.json does not list as a version/, 'folder'],
  E003_E063_empty: [/holds files but no inventory.json/, 'folder'],
  E003_no_decl: [/has no 0=ocfl_object_1.1 declaration/, 'folder'],
  E007_bad_declaration_contents: [/0=ocfl_object_1.1 does not read "ocfl_object_1.1"/, 'folder'],
  E008_E036_no_versions_no_head: [/no head version/, 'inventory'],
  E010_missing_versions: [/lacks the version v3 that inventory.json lists/, 'folder'],
  E010_skipped_versions: [/lists versions v1, v4, v5, v7, v8, not v1, v2, v3/, 'inventory'],
  E011_E013_invalid_padded_head_version: [/lists versions v01, .*, v10, not v1, v2/, 'inventory'],
  E015_content_not_in_content_dir: [/manifest has "v2\/a_file.txt", outside every version's content directory/, 'inventory'],
  E017_invalid_content_dir: [/content directory other than "content"/, 'inventory'],
  E019_inconsistent_content_dir: [/manifest has "v1\/content-dir\/test.txt", outside/, 'inventory'],
  E025_wrong_digest_algorithm: [/uses md5, cablekit continues only sha512 objects/, 'inventory'],
  E036_no_head: [/no head version/, 'inventory'],
  E036_no_id: [/inventory.json has no id/, 'inventory'],
  E040_head_not_most_recent: [/lists versions v1, v2, not v1 up to its head v1/, 'inventory'],
  E040_wrong_head_doesnt_exist: [/lacks its manifest or its head version/, 'inventory'],
  E040_wrong_head_format: [/no head version of the form v<n>/, 'inventory'],
  E041_no_manifest: [/lacks its manifest/, 'inventory'],
  E046_root_not_most_recent: [/holds v2, which inventory.json does not list as a version/, 'folder'],
  E049_E050_E054_bad_version_block_values: [/version v1 was created at \{"key":/, 'inventory'],
  E049_created_no_timezone: [/created at "2019-01-01T02:03:04", not an RFC 3339 time to the second with its offset/, 'inventory'],
  E049_created_not_to_seconds: [/created at "2019-01-01T01:02Z", not an RFC 3339 time/, 'inventory'],
  E050_manifest_digest_wrong_case: [/version v1 has the digest 24F950AAC7B9\w+, which its manifest lacks/, 'inventory'],
  E050_state_digest_not_in_manifest: [/version v1 has the digest f{128}, which its manifest lacks/, 'inventory'],
  E053_E052_invalid_logical_paths: [/logical path in v1, "\/file-1.txt", that is not a plain relative path/, 'inventory'],
  E058_no_sidecar: [/has no sidecar inventory.json.sha512/, 'folder'],
  E060_E064_root_inventory_digest_mismatch: [/does not match the digest in inventory.json.sha512/, 'folder'],
  E061_invalid_sidecar: [/inventory.json.sha512 is not of the form/, 'folder'],
  E063_no_inv: [/holds files but no inventory.json/, 'folder'],
  E064_different_root_and_latest_inventories: [/differs from v1\/inventory.json, the head version's copy/, 'folder'],
  E066_algorithm_change_state_mismatch: [/uses sha256/, 'inventory'],
  E092_algorithm_change_incorrect_digest: [/uses sha256/, 'inventory'],
  E095_conflicting_logical_paths: [/logical path in v1 "sub-path" both as a file and as the folder of "sub-path\/a_file.txt"/, 'inventory'],
  E095_non_unique_logical_paths: [/lists the logical path in v1 "file-1.txt" twice/, 'inventory'],
  E096_manifest_duplicate_digests: [/manifest lists the digest 24F950AAC7B9\w+ twice/, 'inventory'],
  E097_fixity_duplicate_digests: [/md5 fixity lists the digest EB1A3227CDC3FEDBAEC2FE38BF6C044A twice/, 'inventory'],
  E100_E099_fixity_invalid_content_paths: [/content path in the md5 fixity, "v1\/content\/..\/content\/file-1.txt", that is not a plain relative path/, 'inventory'],
  E100_E099_manifest_invalid_content_paths: [/content path in the manifest, "\/v1\/content\/file-3.txt", that is not a plain relative path/, 'inventory'],
  E101_non_unique_content_paths: [/lists the content path in the manifest "v1\/content\/test.txt" twice/, 'inventory'],
  E107_file_in_manifest_not_used: [/manifest has the digest dfe9a0bbfdaa\w+, which no version uses/, 'inventory'],
};

/**
 * The bad objects cablekit still continues, and why their fault is out of its reach: it reads the
 * root inventory, its sidecar, the head version's copy and the names in the object root, never the
 * older versions' inventories nor any content file (digesting every file is the validators' job).
 * Continuing leaves these faults as they are; it does not make them worse.
 */
const NOT_CHECKED: Record<string, string> = {
  E023_extra_file: 'a content file the manifest does not list',
  E023_old_manifest_missing_entries: "an older version's inventory",
  E037_inconsistent_id: "an older version's inventory",
  E040_wrong_version_in_version_dir: "an older version's inventory",
  E060_version_inventory_digest_mismatch: "an older version's inventory sidecar",
  E066_E092_old_manifest_digest_incorrect: "an older version's inventory",
  E066_inconsistent_version_state: "an older version's inventory",
  E067_file_in_extensions_dir: 'a file in the extensions folder',
  E092_E093_content_path_does_not_exist: 'a content file that is missing',
  E092_content_file_digest_mismatch: "a content file's digest",
  E093_fixity_digest_mismatch: "a content file's fixity digest",
  E103_older_spec_v2: "an older version's inventory",
};

describe('cablekit refuses to continue the bad objects whose fault continuing depends on', () => {
  it('every bad fixture is accounted for, once', () => {
    expect(bad.map((f) => f.name)).toEqual(Object.keys({ ...REFUSED, ...NOT_CHECKED }).sort());
    expect(Object.keys(REFUSED).filter((name) => name in NOT_CHECKED)).toEqual([]);
  });

  it.each(bad.filter((f) => f.name in REFUSED).map((f) => [f.name, f] as const))('%s: refused, saying why', (_, f) => {
    const [reason, where] = REFUSED[f.name] as [RegExp, 'inventory' | 'folder'];
    const problem = continuable(readStoredObject(f.dir), f.id).problem;
    expect(problem).toMatch(reason);
    if (where === 'inventory') expect(parseInventory(f.text ?? '', f.id).problem).toBe(problem);
    else if (f.text !== undefined) expect(parseInventory(f.text, f.id).problem).toBeUndefined();
  });

  it.each(bad.filter((f) => f.name in NOT_CHECKED).map((f) => [f.name, f] as const))('%s: continued, its fault out of reach', (_, f) => {
    expect(continuable(readStoredObject(f.dir), f.id).inventory?.id).toBe(f.id);
  });

  it('a supported object whose sidecar no longer matches, or whose inventory lost a version, is refused', () => {
    const f = supported.find((s) => s.name === 'spec-ex-full') as Fixture;
    const copy = join(temp, 'tampered');
    cpSync(f.dir, copy, { recursive: true });
    writeFileSync(join(copy, 'inventory.json'), `${f.text ?? ''} `);
    expect(continuable(readStoredObject(copy), f.id).problem).toBe('inventory.json does not match the digest in inventory.json.sha512');
    const json = JSON.parse(f.text ?? '') as { versions: Record<string, unknown> };
    delete json.versions['v2'];
    expect(parseInventory(JSON.stringify(json), f.id).problem).toMatch(/lists versions v1, v3, not v1, v2, v3 up to its head v3/);
  });
});
