import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-harness.js';
import { filesUnder, packageAll, packagedEdition } from './package-harness.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
/** The official OCFL 1.1 inventory JSON Schema (schemas/official). */
const SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/official/ocfl-1.1-inventory_schema.json'), 'utf8')) as object;
const validateInventory = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SCHEMA);

interface Inventory {
  id: string;
  head: string;
  manifest: Record<string, string[]>;
  versions: Record<string, { state: Record<string, string[]> }>;
}

const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('hex');

function objects(root: string): Map<string, { dir: string; inventory: Inventory }> {
  const found = new Map<string, { dir: string; inventory: Inventory }>();
  for (const file of filesUnder(root).filter((f) => /(^|\/)inventory\.json$/.test(f) && !/\/v\d+\//.test(f))) {
    const dir = join(root, file.replace(/\/?inventory\.json$/, ''));
    const inventory = JSON.parse(readFileSync(join(root, file), 'utf8')) as Inventory;
    found.set(inventory.id, { dir, inventory });
  }
  return found;
}

describe('OCFL 1.1 storage root', () => {
  let dir = '';
  let root = '';
  beforeAll(() => {
    ({ dir } = packagedEdition());
    root = join(dir, 'packages', 'ocfl');
  }, 180_000);

  it('declares itself, and each object inventory passes the official schema, its sidecar and every content digest', () => {
    expect(readFileSync(join(root, '0=ocfl_1.1'), 'utf8')).toBe('ocfl_1.1\n');
    const found = objects(root);
    expect([...found.keys()].sort()).toEqual(['prc-fma-106-01479-08-85-88', 'wilson-118686']);
    for (const { dir: objectDir, inventory } of found.values()) {
      expect(validateInventory(inventory), JSON.stringify(validateInventory.errors)).toBe(true);
      expect(readFileSync(join(objectDir, '0=ocfl_object_1.1'), 'utf8')).toBe('ocfl_object_1.1\n');
      const sidecar = readFileSync(join(objectDir, 'inventory.json.sha512'), 'utf8');
      expect(sidecar).toBe(`${sha512(readFileSync(join(objectDir, 'inventory.json')))}  inventory.json\n`);
      for (const [digest, paths] of Object.entries(inventory.manifest)) {
        for (const path of paths) expect(sha512(readFileSync(join(objectDir, path)))).toBe(digest);
      }
    }
  });

  it('an unchanged run adds no version; a changed TEI adds exactly one, to that object only', () => {
    const before = objects(root);
    packageAll(dir);
    const same = objects(root);
    for (const [id, o] of before) expect(same.get(id)?.inventory.head).toBe(o.inventory.head);

    const tei = join(dir, 'tei', 'wilson-118686.xml');
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('Kim Il discusses', 'Kim Il (Vice Premier) discusses'));
    const build = runCli(['build', '--no-progress'], dir);
    expect(build.status, build.stderr).toBe(0);
    packageAll(dir);
    const after = objects(root);
    expect(after.get('wilson-118686')?.inventory.head).toBe('v2');
    expect(Object.keys(after.get('wilson-118686')?.inventory.versions ?? {})).toEqual(['v1', 'v2']);
    expect(after.get('prc-fma-106-01479-08-85-88')?.inventory.head).toBe('v1');
    expect(validateInventory(after.get('wilson-118686')?.inventory), JSON.stringify(validateInventory.errors)).toBe(true);
  });
});
