import fc from 'fast-check';
import { expect } from 'vitest';

/** A corpus's keyed files: path → the key a build keeps and the bytes it would write. */
export type KeyedFiles = Map<string, { key: string; content: string }>;

/**
 * The property every keyed corpus file must have: over random sequences of edits, a file whose key
 * held from one corpus to the next has the same bytes (a build keeps such a file as it is).
 */
export function assertHeldKeysKeepBytes<C, E>(start: readonly C[], edit: fc.Arbitrary<E>, apply: (corpus: C[], e: E) => C[], filesOf: (corpus: readonly C[]) => KeyedFiles, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let corpus = [...start];
      let before = filesOf(corpus);
      for (const e of edits) {
        corpus = apply(corpus, e);
        const after = filesOf(corpus);
        for (const [path, file] of after) {
          const old = before.get(path);
          if (old !== undefined && old.key === file.key) expect(file.content, `${path} after ${JSON.stringify(e)}`).toBe(old.content);
        }
        before = after;
      }
    }),
    { numRuns },
  );
}

/** The paths whose key differs from one corpus's files to the next's (new files included). */
export function rekeyedPaths(before: KeyedFiles, after: KeyedFiles): string[] {
  return [...after].filter(([path, file]) => before.get(path)?.key !== file.key).map(([path]) => path);
}
