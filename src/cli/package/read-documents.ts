import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readFileIfExists } from '../../fs/index.js';
import { prepareDocument, type DerivedRecords, type PackageDocument } from '../../package/index.js';
import { siteSettings } from '../../site/index.js';
import { buildVerdicts } from './build-verdicts.js';

/** A path under `dir` built from untrusted parts, or undefined when it would leave `dir`. */
export function inside(dir: string, ...parts: string[]): string | undefined {
  const target = resolve(dir, ...parts);
  return target.startsWith(resolve(dir) + sep) ? target : undefined;
}

type DerivedKey = keyof DerivedRecords;

/** Documents handed on at once: enough to make the per-call work small, few enough to bound memory. */
const BATCH = 32;

export interface DocumentsRead {
  /** Documents that can be packaged (handed to `onBatch`). */
  documents: number;
  diagnostics: Diagnostic[];
  /** TEI files taken as the build validated them, and those validated here. */
  checkedByBuild: number;
  checkedHere: number;
}

/**
 * Reads the edition's TEI files (or those of the given ids), their derived records and their
 * source pages, and hands the documents that can be packaged to `onBatch`, a batch at a time in
 * file order; the others give diagnostics. Files are read with synchronous calls: the edition was
 * just built, its files are in the page cache, and a read through the promise API cost several
 * trips to libuv's threads for a few kilobytes.
 */
export async function readDocuments(
  config: CablekitConfig,
  rootDir: string,
  ids: readonly string[],
  onBatch: (docs: PackageDocument[]) => Promise<void>,
): Promise<DocumentsRead> {
  const diagnostics: Diagnostic[] = [];
  let docs: PackageDocument[] = [];
  let documents = 0;
  let checkedByBuild = 0;
  let checkedHere = 0;
  const files = existsSync(config.teiDir) ? readdirSync(config.teiDir).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).sort() : [];
  const outputDir = resolve(config.outputDir);
  const sitePath = siteSettings(config).siteDir.split('/');
  const wanted = new Set(ids);
  const found = new Set<string>();
  const validatedByBuild = buildVerdicts(config);
  for (const file of files) {
    const stem = basename(file, '.xml');
    const path = join(config.teiDir, file);
    const teiPath = relative(rootDir, path).split(sep).join('/');
    const tei = readFileSync(path);
    const trusted = validatedByBuild(stem, teiPath, tei);
    const prepared = prepareDocument({
      teiPath,
      tei,
      checkedByBuild: trusted,
      derived: (id) => readDerived(outputDir, sitePath, id),
      source: (p) => readSource(config.sourcesDir, p),
    });
    if (wanted.size > 0) {
      // A selection is matched on the decoded id, else on the file name (for a TEI that does not decode).
      const id = prepared.doc?.cable.id ?? stem;
      if (!wanted.has(id)) continue;
      found.add(id);
    }
    diagnostics.push(...prepared.diagnostics);
    if (trusted) checkedByBuild += 1;
    else checkedHere += 1;
    if (prepared.doc) {
      docs.push(prepared.doc);
      documents += 1;
    }
    if (docs.length >= BATCH) {
      await onBatch(docs);
      docs = [];
    }
  }
  if (docs.length > 0) await onBatch(docs);
  for (const id of wanted) {
    if (!found.has(id)) diagnostics.push({ code: 'package/unknown-id', severity: 'error', message: `No TEI file in ${relative(rootDir, config.teiDir) || '.'} has the id "${id}".`, hint: 'Give ids as in the TEI files\' xml:id.' });
  }
  return { documents, diagnostics, checkedByBuild, checkedHere };
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
