import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 * Reads the edition's TEI files (or those of the given ids), their derived records and their
 * source pages, and keeps the documents that can be packaged; the others give diagnostics.
 */
export function readDocuments(config: CablekitConfig, rootDir: string, ids: readonly string[]): { docs: PackageDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const docs: PackageDocument[] = [];
  const files = existsSync(config.teiDir) ? readdirSync(config.teiDir).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).sort() : [];
  const siteDir = siteSettings(config).siteDir;
  const wanted = new Set(ids);
  const found = new Set<string>();
  for (const file of files) {
    const path = join(config.teiDir, file);
    const teiPath = relative(rootDir, path).split(sep).join('/');
    const tei = readFileSync(path);
    const prepared = prepareDocument({ teiPath, tei, derived: (id) => readDerived(config.outputDir, siteDir, id), source: (p) => readSource(config.sourcesDir, p) });
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

/** The records the build derived from a document; its reading-edition page is taken when it is there. */
function readDerived(outputDir: string, siteDir: string, id: string): { records?: DerivedRecords; missing: string[] } {
  const wanted = { oaiDc: ['dc', `${id}.oai_dc.xml`], qualifiedDc: ['dc', `${id}.qdc.xml`], iiifManifest: ['iiif', id, 'manifest.json'] } as const;
  const records: Partial<Record<keyof DerivedRecords, Uint8Array>> = {};
  const missing: string[] = [];
  for (const [key, parts] of Object.entries(wanted) as [keyof DerivedRecords, readonly string[]][]) {
    const path = inside(outputDir, ...parts);
    const bytes = path ? readFileIfExists(path) : undefined;
    if (bytes) records[key] = new Uint8Array(bytes);
    else missing.push(parts.join('/'));
  }
  if (missing.length > 0) return { missing };
  const page = inside(outputDir, ...siteDir.split('/'), 'documents', `${id}.html`);
  const sitePage = page ? readFileIfExists(page) : undefined;
  return { records: { ...(records as DerivedRecords), ...(sitePage ? { sitePage: new Uint8Array(sitePage) } : {}) }, missing };
}

function readSource(sourcesDir: string, path: string): { fileName: string; bytes: Uint8Array } | undefined {
  const file = inside(sourcesDir, path);
  const bytes = file ? readFileIfExists(file) : undefined;
  return file && bytes ? { fileName: basename(file), bytes: new Uint8Array(bytes) } : undefined;
}
