import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContainedPath, objectRootPath, safeName } from '../../src/package/index.js';

/** Package paths never escape the output folder, whatever an id holds (issue 14, "Safe"). */
describe('package names made from ids', () => {
  const ids = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('\uD800', '\uDFFF', '\uFFFD', '', '.', '..', '../../etc/passwd', '/abs', 'a/../../b', 'C:\\x', 'nul\0byte', 'edition.bag', 'import.zip', 'x'.repeat(500)),
  );

  it('are one plain path segment: no separator, no dot, at most 120 characters, never empty', () => {
    fc.assert(
      fc.property(ids, (id) => {
        const name = safeName(id);
        expect(name).toMatch(/^[A-Za-z0-9_~-]{1,120}$/);
        expect(isContainedPath(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('two different ids never share a name', () => {
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        fc.pre(a !== b);
        expect(safeName(a)).not.toBe(safeName(b));
      }),
      { numRuns: 2000 },
    );
    // Ids that differ only past the cut still differ by the hash.
    expect(safeName(`${'a'.repeat(200)}1`)).not.toBe(safeName(`${'a'.repeat(200)}2`));
    // Lone surrogates have no UTF-8 bytes of their own; they must not all fall on U+FFFD's.
    expect(new Set(['\uD800', '\uD801', '\uDC00', '\uFFFD'].map(safeName)).size).toBe(4);
  });

  it('OCFL object roots are hex tuples under the storage root, whatever the id', () => {
    fc.assert(
      fc.property(ids, (id) => {
        expect(objectRootPath(id)).toMatch(/^[0-9a-f]{3}\/[0-9a-f]{3}\/[0-9a-f]{3}\/[0-9a-f]{64}$/);
      }),
    );
  });

  it('the path check refuses every way out of a folder', () => {
    for (const bad of ['', '/x', 'a//b', './a', 'a/./b', '../a', 'a/..', 'a\\b', 'a\0b']) expect(isContainedPath(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['a', 'a/b', 'data/tei/x.xml', '0=ocfl_1.1', 'v1/content/a..b']) expect(isContainedPath(good), good).toBe(true);
  });
});
