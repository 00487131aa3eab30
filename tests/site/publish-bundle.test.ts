import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishBundle, type BundleFile } from '../../src/site/publish-bundle.js';

const file = (path: string, text: string): BundleFile => ({ path, content: Buffer.from(text) });
let root: string;
let target: string;
let temp: string;
const inode = (path: string): number => statSync(join(target, path)).ino;
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cablekit-bundle-'));
  target = join(root, 'site', 'pagefind');
  temp = join(root, '.cablekit', '.pagefind-1');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishing a search bundle', () => {
  const first = [file('pagefind-entry.json', '{"meta":"a"}'), file('pagefind.en_a.pf_meta', 'meta a'), file('fragment/en_1.pf_fragment', 'one'), file('fragment/en_2.pf_fragment', 'two'), file('index/en_x.pf_index', 'x')];

  it('writes every file of a first bundle, and nothing else', () => {
    expect(publishBundle(first, target, ['pagefind-entry.json'], temp)).toEqual({ written: 5, removed: 0 });
    expect(tree(target)).toEqual(first.map((f) => f.path).sort());
    expect(readFileSync(join(target, 'fragment', 'en_2.pf_fragment'), 'utf8')).toBe('two');
  });

  it('then writes only what differs and removes what the new bundle no longer has', () => {
    publishBundle(first, target, ['pagefind-entry.json'], temp);
    const kept = inode('fragment/en_1.pf_fragment');
    const next = [file('pagefind-entry.json', '{"meta":"b"}'), file('pagefind.en_b.pf_meta', 'meta b'), file('fragment/en_1.pf_fragment', 'one'), file('fragment/en_3.pf_fragment', 'three'), file('index/en_x.pf_index', 'x')];
    expect(publishBundle(next, target, ['pagefind-entry.json'], temp)).toEqual({ written: 3, removed: 2 });
    // The unchanged fragment is the very file published before: not rewritten.
    expect(inode('fragment/en_1.pf_fragment')).toBe(kept);
    expect(tree(target)).toEqual(next.map((f) => f.path).sort());
    expect(readFileSync(join(target, 'pagefind-entry.json'), 'utf8')).toBe('{"meta":"b"}');
  });

  it('an unchanged bundle writes nothing, and a stray file in the folder is removed with empty folders', () => {
    publishBundle(first, target, ['pagefind-entry.json'], temp);
    mkdirSync(join(target, 'old', 'deeper'), { recursive: true });
    writeFileSync(join(target, 'old', 'deeper', 'stray.pf_index'), 'stale');
    expect(publishBundle(first, target, ['pagefind-entry.json'], temp)).toEqual({ written: 0, removed: 1 });
    expect(existsSync(join(target, 'old'))).toBe(false);
  });

  it('leaves the files it is told to leave (other bundles inside its folder) neither written nor removed', () => {
    mkdirSync(join(target, 'shards', '0'), { recursive: true });
    writeFileSync(join(target, 'shards', '0', 'pagefind-entry.json'), 'a part');
    writeFileSync(join(target, 'stray.js'), 'stale');
    expect(publishBundle(first, target, ['pagefind-entry.json'], temp, (path) => path.startsWith('shards/'))).toEqual({ written: 5, removed: 1 });
    expect(readFileSync(join(target, 'shards', '0', 'pagefind-entry.json'), 'utf8')).toBe('a part');
    expect(existsSync(join(target, 'stray.js'))).toBe(false);
  });

  it('refuses a file named outside the bundle folder, before writing anything', () => {
    for (const path of ['../escape.js', '/abs.js', 'a/../../b.js', 'a\\..\\b.js', '']) {
      expect(() => publishBundle([file('ok.js', 'ok'), file(path, 'x')], target, [], temp)).toThrow(/outside its folder/);
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(root, 'escape.js'))).toBe(false);
  });
});
