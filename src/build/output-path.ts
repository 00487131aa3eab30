import { isAbsolute, resolve, sep } from 'node:path';

/**
 * Resolves a stage's relative output path inside the output folder, refusing anything that
 * would land outside it ('../', absolute paths, empty names): a stage bug must not overwrite
 * sources or TEI.
 */
export function resolveOutputPath(outputDir: string, relativePath: string): string | undefined {
  if (relativePath === '' || isAbsolute(relativePath) || relativePath.includes('\0')) return undefined;
  const root = resolve(outputDir);
  const full = resolve(root, relativePath);
  if (!full.startsWith(root + sep)) return undefined;
  return full;
}

/** Finds the document an output file belongs to: a path segment, or a file stem, equal to its id. */
export function documentIdOfOutput(relativePath: string, ids: ReadonlySet<string>): string | undefined {
  for (const segment of relativePath.split('/')) {
    if (ids.has(segment)) return segment;
    const stem = segment.replace(/\.[^.]+$/, '');
    if (ids.has(stem)) return stem;
  }
  return undefined;
}
