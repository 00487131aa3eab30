import fc from 'fast-check';
import { isAbsolute, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentIdOfOutput, resolveOutputPath } from '../../src/pipeline/index.js';
import { isPlainOutputPath } from '../../src/pipeline/output-path.js';

describe('documentIdOfOutput', () => {
  const ids = new Set(['wilson-118686', 'prc.fma.1']);
  it.each([
    ['iiif/wilson-118686/manifest.json', 'wilson-118686'],
    ['dc/wilson-118686.oai_dc.xml', 'wilson-118686'],
    ['dc/wilson-118686.qdc.xml', 'wilson-118686'],
    ['dc/prc.fma.1.qdc.xml', 'prc.fma.1'],
    ['iiif/collection.json', undefined],
    ['iiif/collections/year-1965.json', undefined],
  ])('%s → %s', (path, expected) => {
    expect(documentIdOfOutput(path, ids)).toBe(expected);
  });
});

describe('resolveOutputPath', () => {
  it('keeps paths inside the output folder and refuses the rest', () => {
    expect(resolveOutputPath('/ed/output', 'iiif/a/manifest.json')).toBe('/ed/output/iiif/a/manifest.json');
    for (const bad of ['../tei/a.xml', '/etc/passwd', '', 'a/../../x', 'a\0b']) expect(resolveOutputPath('/ed/output', bad)).toBeUndefined();
  });
});

/** The definition the short path of resolveOutputPath must agree with: resolve() and a containment check. */
function byResolve(outputDir: string, relativePath: string): string | undefined {
  if (relativePath === '' || isAbsolute(relativePath) || relativePath.includes('\0')) return undefined;
  const root = resolve(outputDir);
  const full = resolve(root, relativePath);
  return full.startsWith(root + sep) ? full : undefined;
}

describe('resolveOutputPath, as resolve() would', () => {
  it('gives what resolve() and the containment check give, for any path of any names', () => {
    const name = fc.oneof(fc.constantFrom('', '.', '..', 'a', 'b.json', '...', '.hidden', 'x y', 'é'), fc.string({ maxLength: 6 }));
    const path = fc.array(name, { minLength: 1, maxLength: 6 }).map((names) => names.join('/'));
    const root = fc.constantFrom('/ed/output', '/ed/output/', 'output', './out/../output', '/');
    fc.assert(fc.property(root, path, (dir, p) => resolveOutputPath(dir, p) === byResolve(dir, p)), { numRuns: 3000 });
  });
});

describe('isPlainOutputPath', () => {
  it('holds only for paths resolveOutputPath joins as they are', () => {
    const name = fc.oneof(fc.constantFrom('', '.', '..', 'a', 'b.json', '...', '.hidden', 'x y', 'é', 'a\0b'), fc.string({ maxLength: 6 }));
    const path = fc.array(name, { minLength: 1, maxLength: 6 }).map((names) => names.join('/'));
    fc.assert(
      fc.property(fc.oneof(path, path.map((p) => `/${p}`)), (p) => {
        if (isPlainOutputPath(p)) expect(resolveOutputPath('/ed/output', p)).toBe(`/ed/output/${p}`);
        else expect(resolveOutputPath('/ed/output', p) === undefined || resolveOutputPath('/ed/output', p) !== `/ed/output/${p}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(isPlainOutputPath('iiif/a/manifest.json')).toBe(true);
    for (const bad of ['', '/etc/passwd', 'a/../b', './a', 'a//b', 'a/', 'a\0b']) expect(isPlainOutputPath(bad)).toBe(false);
  });
});
