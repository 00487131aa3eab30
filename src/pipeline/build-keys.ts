import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CablekitConfig } from '../config/config.js';
import { sha256Hex } from '../fs/sha256.js';
import { teiSettingsOf } from '../tei/encode/tei-settings.js';
import { readPlaceEntries } from './read-assets.js';
import { TOOL_VERSION } from '../version.js';

/**
 * The keys that decide whether a document's kept work still holds. Each is a hash over every
 * input of that work besides the document's own bytes: a different key means "do it again".
 */

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The code (src/ or dist/, whichever runs) and the package data the stages read. */
const CODE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DATA = ['assets', 'schemas', 'authority'];

let fingerprint: string | undefined;

/**
 * The version of cablekit that runs, down to its bytes: the release number plus a hash of its code,
 * schemas and shipped assets, so a development build or a patched install invalidates kept work too.
 */
export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const parts: string[] = [TOOL_VERSION];
    for (const dir of [CODE_DIR, ...PACKAGE_DATA.map((d) => join(PACKAGE_ROOT, d))]) hashTree(dir, parts);
    fingerprint = sha256Hex(parts.join('\n'));
  }
  return fingerprint;
}

function hashTree(dir: string, parts: string[]): void {
  for (const file of codeFilesUnder(dir)) parts.push(`${file.slice(PACKAGE_ROOT.length)} ${sha256Hex(readFileSync(file))}`);
}

/** The files of `dir` the tool fingerprint covers, in a fixed order (no vendored official schemas, dot files, maps or type declarations). */
function codeFilesUnder(dir: string, out: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name === 'official' || name.startsWith('.')) continue;
    const full = join(dir, name);
    // A link is followed, as a stat of it would (the entry's own type says "link").
    const isDirectory = entry.isSymbolicLink() ? statSync(full).isDirectory() : entry.isDirectory();
    if (isDirectory) codeFilesUnder(full, out);
    else if (!name.endsWith('.map') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every file the tool fingerprint is a hash of: a check that only needs to know whether they changed can compare their stamps instead. */
export function toolFiles(): string[] {
  const files: string[] = [];
  for (const dir of [CODE_DIR, ...PACKAGE_DATA.map((d) => join(PACKAGE_ROOT, d))]) codeFilesUnder(dir, files);
  return files;
}

/** What a TEI encoding depends on besides the source bytes. */
export function teiKey(tool: string, config: CablekitConfig): string {
  return sha256Hex(JSON.stringify(['tei', tool, teiSettingsOf(config)]));
}

/** What every document's derived files depend on besides its TEI: the tool, all settings, the authority file. */
export function deriveKey(tool: string, config: CablekitConfig, authoritySha: string, stageNames: readonly string[]): string {
  return sha256Hex(JSON.stringify(['derive', tool, config, authoritySha, stageNames]));
}

/** A document's key: the common one plus its page images (names, sizes and times, read without the bytes). */
export function documentKey(common: string, imagesDir: string | undefined, id: string): string {
  if (imagesDir === undefined) return common;
  const folder = join(imagesDir, id);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return common;
  }
  const images = names.map((name) => {
    const st = statSync(join(folder, name));
    return `${name}:${st.size}:${st.mtimeMs}`;
  });
  return sha256Hex(JSON.stringify([common, images]));
}

/**
 * Read-only, for callers that trust the build's kept work on a document only while the build
 * itself would (packaging): the key each document would get now, computed as processDocuments and
 * the Deriver compute it. A key that differs only means the work is done again.
 */
export function currentDocumentKeys(config: CablekitConfig, stageNames: readonly string[]): (stem: string) => string {
  const authoritySha = sha256Hex(JSON.stringify(readPlaceEntries(config.authorityFile).places));
  const common = deriveKey(toolFingerprint(), config, authoritySha, stageNames);
  return (stem) => documentKey(common, config.imagesDir, stem);
}
