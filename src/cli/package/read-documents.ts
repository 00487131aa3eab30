import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { CablekitConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readFileIfExists } from '../../fs/index.js';
import { prepareDocument, type DerivedRecords, type PackageDocument } from '../../package/index.js';
import { siteSettings } from '../../site/index.js';

/** A path under `dir` built from untrusted parts, or undefined when it would leave `dir`. */
export function inside(dir: string, ...parts: string[]): string | undefined {
  const target = resolve(dir, ...parts);
  return target.startsWith(resolve(dir) + sep) ? target : undefined;
}

/**
 * How many documents' files are being read while an earlier one is checked. Checking is CPU work
 * on this thread, reading waits on the disk in libuv's threads: overlapping them hides the reads.
 * Bounded, so open files and memory in flight stay small whatever the edition's size.
 */
const READ_AHEAD = 16;

type DerivedKey = keyof DerivedRecords;
type Derived = { records?: DerivedRecords; missing: string[] };

/** The files a document's packages need that can be named before its TEI is decoded. */
interface FilesRead {
  tei: Buffer;
  /** The id the records were read for: the TEI file's name, which is the id in every edition cablekit builds. */
  guessedId: string;
  derived: Derived;
}

/**
 * Reads the edition's TEI files (or those of the given ids), their derived records and their
 * source pages, and keeps the documents that can be packaged; the others give diagnostics.
 */
export async function readDocuments(config: CablekitConfig, rootDir: string, ids: readonly string[]): Promise<{ docs: PackageDocument[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const docs: PackageDocument[] = [];
  const files = existsSync(config.teiDir) ? readdirSync(config.teiDir).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).sort() : [];
  const siteDir = siteSettings(config).siteDir;
  const wanted = new Set(ids);
  const found = new Set<string>();
  const ahead = new Map<number, Promise<FilesRead>>();
  const readAhead = (i: number): void => {
    const file = files[i];
    if (file === undefined || ahead.has(i)) return;
    const reading = readFilesOf(join(config.teiDir, file), basename(file, '.xml'), config.outputDir, siteDir);
    // A failure is reported where the document is awaited; one read ahead of it must not also end the process.
    reading.catch(() => undefined);
    ahead.set(i, reading);
  };
  for (let i = 0; i < READ_AHEAD; i++) readAhead(i);
  for (const [i, file] of files.entries()) {
    const read = await (ahead.get(i) as Promise<FilesRead>);
    ahead.delete(i);
    readAhead(i + READ_AHEAD);
    const path = join(config.teiDir, file);
    const teiPath = relative(rootDir, path).split(sep).join('/');
    const prepared = prepareDocument({
      teiPath,
      tei: read.tei,
      derived: (id) => (id === read.guessedId ? read.derived : assembleDerived(derivedPaths(config.outputDir, siteDir, id).map((p) => (p.path ? readFileIfExists(p.path) : undefined)), config.outputDir, siteDir, id)),
      source: (p) => readSource(config.sourcesDir, p),
    });
    if (wanted.size > 0) {
      // A selection is matched on the decoded id, else on the file name (for a TEI that does not decode).
      const id = prepared.doc?.cable.id ?? basename(file, '.xml');
      if (!wanted.has(id)) continue;
      found.add(id);
    }
    diagnostics.push(...prepared.diagnostics);
    if (prepared.doc) docs.push(prepared.doc);
  }
  for (const id of wanted) {
    if (!found.has(id)) diagnostics.push({ code: 'package/unknown-id', severity: 'error', message: `No TEI file in ${relative(rootDir, config.teiDir) || '.'} has the id "${id}".`, hint: 'Give ids as in the TEI files\' xml:id.' });
  }
  docs.sort((a, b) => (a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0));
  return { docs, diagnostics };
}

/** A TEI file and the derived records of the id its name gives, read at once. */
async function readFilesOf(teiFile: string, guessedId: string, outputDir: string, siteDir: string): Promise<FilesRead> {
  const paths = derivedPaths(outputDir, siteDir, guessedId);
  const [tei, ...records] = await Promise.all([readFile(teiFile), ...paths.map((p) => (p.path ? readIfExists(p.path) : undefined))]);
  return { tei, guessedId, derived: assembleDerived(records, outputDir, siteDir, guessedId) };
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Where the records the build derived from a document are: the three it must have, then its reading-edition page. */
function derivedPaths(outputDir: string, siteDir: string, id: string): { key: DerivedKey; name: string; path: string | undefined }[] {
  const named = (key: DerivedKey, parts: string[]) => ({ key, name: parts.join('/'), path: inside(outputDir, ...parts) });
  return [
    named('oaiDc', ['dc', `${id}.oai_dc.xml`]),
    named('qualifiedDc', ['dc', `${id}.qdc.xml`]),
    named('iiifManifest', ['iiif', id, 'manifest.json']),
    named('sitePage', [...siteDir.split('/'), 'documents', `${id}.html`]),
  ];
}

/** The records read for `derivedPaths`, in its order; the reading-edition page is taken when it is there. */
function assembleDerived(read: readonly (Buffer | undefined)[], outputDir: string, siteDir: string, id: string): Derived {
  const records: Partial<Record<DerivedKey, Uint8Array>> = {};
  const missing: string[] = [];
  for (const [i, p] of derivedPaths(outputDir, siteDir, id).entries()) {
    const bytes = read[i];
    if (bytes) records[p.key] = bytes;
    else if (p.key !== 'sitePage') missing.push(p.name);
  }
  return missing.length > 0 ? { missing } : { records: records as DerivedRecords, missing };
}

function readSource(sourcesDir: string, path: string): { fileName: string; bytes: Uint8Array } | undefined {
  const file = inside(sourcesDir, path);
  const bytes = file ? readFileIfExists(file) : undefined;
  return file && bytes ? { fileName: basename(file), bytes } : undefined;
}
