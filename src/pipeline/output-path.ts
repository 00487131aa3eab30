import { isAbsolute, resolve, sep } from 'node:path';

/**
 * Resolves a stage's relative output path inside the output folder, refusing anything that
 * would land outside it ('../', absolute paths, empty names): a stage bug must not overwrite
 * sources or TEI.
 */
export function resolveOutputPath(outputDir: string, relativePath: string): string | undefined {
  if (relativePath === '' || isAbsolute(relativePath) || relativePath.includes('\0')) return undefined;
  const root = resolvedRoot(outputDir);
  // The usual case, a path of plain names, joined as resolve() would: a build resolves every
  // output path of every document (190,000 at 10,000 documents), and resolve() showed in profiles.
  if (sep === '/' && root !== '/' && !NOT_A_PLAIN_NAME.test(relativePath)) return `${root}/${relativePath}`;
  const full = resolve(root, relativePath);
  if (!full.startsWith(root + sep)) return undefined;
  return full;
}

/**
 * True for a path of plain names (no empty, '.' or '..' segment, not absolute, no NUL): inside the
 * output folder whatever it is, so resolveOutputPath would join it as it is. Tests only (no string
 * is built), for the checks made on every kept output of every run.
 */
export function isPlainOutputPath(relativePath: string): boolean {
  return sep === '/' && relativePath !== '' && !relativePath.includes('\0') && !NOT_A_PLAIN_NAME.test(relativePath);
}

/** An empty, '.' or '..' segment anywhere in a path (tested without splitting it: no array per path). */
const NOT_A_PLAIN_NAME = /(?:^|\/)\.{0,2}(?:\/|$)/;

let lastRoot: { outputDir: string; root: string } | undefined;

/** resolve(outputDir), kept for the folder asked last (a build asks for one all along). */
function resolvedRoot(outputDir: string): string {
  if (lastRoot?.outputDir !== outputDir) lastRoot = { outputDir, root: resolve(outputDir) };
  return lastRoot.root;
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
