import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readFileIfExists } from '../../fs/index.js';
import { prepareDocument, type DerivedRecords, type PackageDocument } from '../../package/index.js';

/** A path under `dir` built from untrusted parts, or undefined when it would leave `dir`. */
export function inside(dir: string, ...parts: string[]): string | undefined {
  const target = resolve(dir, ...parts);
  return target.startsWith(resolve(dir) + sep) ? target : undefined;
}

type DerivedKey = keyof DerivedRecords;

/** One TEI file of the edition, to be read and made ready to package. */
export interface TeiFile {
  /** File name without '.xml': the build cache's key. */
  stem: string;
  path: string;
  /** Relative to the edition's root, '/'-separated, for diagnostics ('tei/x.xml'). */
  teiPath: string;
  /** The checksum under which the build's verdict on this file holds (build-verdicts.ts), if any. */
  trustedSha256?: string;
}

/** Where a document's other files are: absolute folders, and the site's folder under the output. */
export interface DocumentFolders {
  outputDir: string;
  sourcesDir: string;
  sitePath: readonly string[];
}

export interface PreparedFile {
  stem: string;
  /** Taken as the build validated it (else validated here). */
  trusted: boolean;
  doc?: PackageDocument;
  diagnostics: Diagnostic[];
}

/**
 * Reads TEI files, their derived records and their source pages, and makes each document ready
 * to package, or says why it cannot be (in the order given). Files are read with synchronous
 * calls: the edition was just built, its files are in the page cache, and a read through the
 * promise API cost several trips to libuv's threads for a few kilobytes. Runs in any thread.
 */
export function prepareTeiFiles(files: readonly TeiFile[], folders: DocumentFolders): PreparedFile[] {
  return files.map((file) => {
    const tei = readFileSync(file.path);
    const trusted = file.trustedSha256 !== undefined && file.trustedSha256 === hash('sha256', tei, 'hex');
    const prepared = prepareDocument({
      teiPath: file.teiPath,
      tei,
      checkedByBuild: trusted,
      derived: (id) => readDerived(folders.outputDir, folders.sitePath, id),
      source: (p) => readSource(folders.sourcesDir, p),
    });
    return { stem: file.stem, trusted, ...(prepared.doc ? { doc: prepared.doc } : {}), diagnostics: prepared.diagnostics };
  });
}

/**
 * The records the build derived from a document: the three it must have, then its reading-edition
 * page, taken when it is there. A path that would leave the output folder counts as missing.
 */
function readDerived(outputDir: string, sitePath: readonly string[], id: string): { records?: DerivedRecords; missing: string[] } {
  const wanted: [DerivedKey, string[]][] = [
    ['oaiDc', ['dc', `${id}.oai_dc.xml`]],
    ['qualifiedDc', ['dc', `${id}.qdc.xml`]],
    ['iiifManifest', ['iiif', id, 'manifest.json']],
    ['sitePage', [...sitePath, 'documents', `${id}.html`]],
  ];
  const records: Partial<Record<DerivedKey, Uint8Array>> = {};
  const missing: string[] = [];
  for (const [key, parts] of wanted) {
    const path = inside(outputDir, ...parts);
    const bytes = path ? readFileIfExists(path) : undefined;
    if (bytes) records[key] = bytes;
    else if (key !== 'sitePage') missing.push(parts.join('/'));
  }
  return missing.length > 0 ? { missing } : { records: records as DerivedRecords, missing };
}

function readSource(sourcesDir: string, path: string): { fileName: string; bytes: Uint8Array } | undefined {
  const file = inside(sourcesDir, path);
  const bytes = file ? readFileIfExists(file) : undefined;
  return file && bytes ? { fileName: basename(file), bytes } : undefined;
}
