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

/**
 * Finds the document an output file belongs to: a path segment equal to its id, or a file name
 * that is the id plus extensions ('dc/<id>.oai_dc.xml'). Ids may contain dots, so every
 * dot-boundary prefix of a name is tried, longest first.
 */
export function documentIdOfOutput(relativePath: string, ids: ReadonlySet<string>): string | undefined {
  for (const segment of relativePath.split('/')) {
    let candidate = segment;
    for (;;) {
      if (ids.has(candidate)) return candidate;
      const dot = candidate.lastIndexOf('.');
      if (dot <= 0) break;
      candidate = candidate.slice(0, dot);
    }
  }
  return undefined;
}
