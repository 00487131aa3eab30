import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CablekitConfig } from '../config/config.js';
import { sha256Hex } from '../fs/sha256.js';
import { teiSettingsOf } from '../tei/encode/tei-settings.js';
import { readPlaceEntries } from './read-assets.js';
import { codeFilesUnder, packagePath, toolRoots } from './tool-files.js';
import { TOOL_VERSION } from '../version.js';

/**
 * The keys that decide whether a document's kept work still holds. Each is a hash over every
 * input of that work besides the document's own bytes: a different key means "do it again".
 */

let fingerprint: string | undefined;

/**
 * The version of cablekit that runs, down to its bytes: the release number plus a hash of its code,
 * schemas and shipped assets, so a development build or a patched install invalidates kept work too.
 */
export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const parts: string[] = [TOOL_VERSION];
    for (const dir of toolRoots()) for (const file of codeFilesUnder(dir)) parts.push(`${packagePath(file)} ${sha256Hex(readFileSync(file))}`);
    fingerprint = sha256Hex(parts.join('\n'));
  }
  return fingerprint;
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
