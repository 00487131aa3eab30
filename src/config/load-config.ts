import { existsSync } from 'node:fs';
import { readFileBounded } from '../fs/read-bounded.js';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validate as validateConfigSchema } from './config-validator.generated.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_CONFIG, type CablekitConfig } from './config.js';

export const CONFIG_FILE_NAME = 'cablekit.config.json';

/** Largest config file read at all, in bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The bytes as UTF-8 text, or where the first byte that is not UTF-8 sits (never U+FFFD in a
 * path): found by the longest prefix that still decodes, a binary search over prefixes.
 */
function strictUtf8(bytes: Uint8Array): string | { offset: number; line: number; column: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find where, below.
  }
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  // The last byte of the shortest prefix that fails: the first byte that cannot be UTF-8 there.
  const offset = bad - 1;
  const before = Buffer.from(bytes.subarray(0, offset)).toString('latin1');
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

export interface LoadedConfig {
  /** The edition's settings with every folder and file resolved to an absolute path. */
  config?: CablekitConfig;
  /** Folder of the config file (or the working folder when there is none): the project root. */
  rootDir?: string;
  /** The config file read, absent when the defaults were used. */
  configPath?: string;
  diagnostics: Diagnostic[];
}

/**
 * The schema check, compiled ahead by ajv into src/config/config-validator.generated.ts
 * (scripts/generate-validators.mjs): compiling the schema at start-up cost every command
 * about 60 ms. A test fails while that file is stale.
 */
function configValidator(): ValidateFunction {
  return validateConfigSchema as unknown as ValidateFunction;
}

/**
 * Reads `cablekit.config.json` (or `path`), checks it against schemas/cablekit.config.schema.json,
 * fills missing keys from DEFAULT_CONFIG and resolves folders relative to the config file.
 * Without a path and without a config file in `cwd`, the defaults apply (with an info note);
 * a path that was asked for but is missing is an error.
 */
export function loadConfig(path?: string, cwd: string = process.cwd(), options: { requireFile?: boolean } = {}): LoadedConfig {
  const configPath = resolve(cwd, path ?? CONFIG_FILE_NAME);
  const bag = new DiagnosticBag(path ?? CONFIG_FILE_NAME);
  if (!existsSync(configPath)) {
    if (path !== undefined) {
      bag.error('config/not-found', `config file "${path}" does not exist`, {
        hint: `create it or run without --config to use ${CONFIG_FILE_NAME} in the current folder`,
      });
      return { diagnostics: bag.items };
    }
    if (options.requireFile) {
      bag.error('config/none', `no ${CONFIG_FILE_NAME} in ${cwd}: this folder is not a cablekit edition`, {
        hint: `run "cablekit init" to start one here (a commented ${CONFIG_FILE_NAME} and a sources/ folder), or pass --config`,
      });
      return { diagnostics: bag.items };
    }
    bag.info('config/defaults', `no ${CONFIG_FILE_NAME} in ${cwd}; using the default settings`);
    return { config: resolvePaths(DEFAULT_CONFIG, cwd), rootDir: cwd, diagnostics: bag.items };
  }

  let text: string;
  try {
    // Refused by its size before it is read: a config is a few hundred bytes.
    const read = readFileBounded(configPath, MAX_CONFIG_BYTES);
    if ('tooLarge' in read) {
      bag.error('config/too-large', `the config file is ${read.tooLarge} bytes, more than the limit of ${MAX_CONFIG_BYTES}; it was not read`, { line: 1, column: 1 });
      return { diagnostics: bag.items };
    }
    const decoded = strictUtf8(read.bytes);
    if (typeof decoded !== 'string') {
      bag.error('config/invalid-utf8', `the config file is not valid UTF-8: byte 0x${read.bytes[decoded.offset]!.toString(16).padStart(2, '0')} at offset ${decoded.offset}`, {
        line: decoded.line,
        column: decoded.column,
        hint: 'save the config file as UTF-8',
      });
      return { diagnostics: bag.items };
    }
    text = decoded;
  } catch (error) {
    bag.error('config/unreadable', `cannot read the config file: ${(error as Error).message}`);
    return { diagnostics: bag.items };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    bag.error('config/invalid-json', `the config file is not valid JSON: ${(error as Error).message}`);
    return { diagnostics: bag.items };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    bag.error('config/not-an-object', 'the config file must hold a JSON object of settings', { line: 1, column: 1 });
    return { diagnostics: bag.items };
  }

  const validate = configValidator();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) reportSchemaError(bag, error, text);
    return { diagnostics: bag.items };
  }

  const user = data as Partial<CablekitConfig> & { $schema?: string };
  const { $schema: _schemaRef, ...settings } = user;
  const merged: CablekitConfig = {
    ...DEFAULT_CONFIG,
    ...settings,
    provider: { ...DEFAULT_CONFIG.provider, ...settings.provider },
    oai: { ...DEFAULT_CONFIG.oai, ...settings.oai },
  };
  const rootDir = dirname(configPath);
  const config = resolvePaths(merged, rootDir);
  checkFoldersApart(bag, config, text);
  if (bag.hasErrors) return { diagnostics: bag.items };
  return { config, rootDir, configPath, diagnostics: bag.items };
}

function resolvePaths(config: CablekitConfig, rootDir: string): CablekitConfig {
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(rootDir, p));
  const resolved: CablekitConfig = {
    ...config,
    sourcesDir: at(config.sourcesDir),
    teiDir: at(config.teiDir),
    outputDir: at(config.outputDir),
  };
  if (config.imagesDir !== undefined) resolved.imagesDir = at(config.imagesDir);
  if (config.authorityFile !== undefined) resolved.authorityFile = at(config.authorityFile);
  if (config.namesFile !== undefined) resolved.namesFile = at(config.namesFile);
  return resolved;
}

/**
 * Sources, TEI and outputs must be separate folders, none inside another: the build walks the
 * TEI folder for every *.xml and removes stale outputs, which must never meet sources or TEI.
 */
function checkFoldersApart(bag: DiagnosticBag, config: CablekitConfig, text: string): void {
  const folders = [
    ['sourcesDir', config.sourcesDir],
    ['teiDir', config.teiDir],
    ['outputDir', config.outputDir],
  ] as const;
  const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + sep);
  for (let i = 0; i < folders.length; i++) {
    for (let j = i + 1; j < folders.length; j++) {
      const [keyA, dirA] = folders[i] as (typeof folders)[number];
      const [keyB, dirB] = folders[j] as (typeof folders)[number];
      if (inside(dirA, dirB) || inside(dirB, dirA)) {
        bag.error('config/overlapping-folders', `"${keyA}" and "${keyB}" must be separate folders, neither inside the other`, locateKey(text, keyB));
      }
    }
  }
}

/** Turns one ajv error into a message that names the key, with the key's position in the file. */
function reportSchemaError(bag: DiagnosticBag, error: ErrorObject, text: string): void {
  const keyPath = error.instancePath.split('/').filter(Boolean).map(decodePointer);
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    const where = keyPath.length ? `"${keyPath.join('.')}"` : 'the top level';
    bag.error('config/unknown-key', `unknown key "${[...keyPath, extra].join('.')}" in ${where}`, {
      ...locateKey(text, extra),
      hint: 'check the spelling against schemas/cablekit.config.schema.json',
    });
    return;
  }
  const key = keyPath.join('.') || '(top level)';
  const last = keyPath[keyPath.length - 1];
  bag.error('config/invalid-value', `key "${key}" ${describe(error)}`, last ? locateKey(text, last) : {});
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'format':
      return `must be a valid ${String((error.params as { format?: string }).format)}`;
    case 'pattern':
      return `does not have the expected form (${String((error.params as { pattern?: string }).pattern)})`;
    default:
      return error.message ?? 'is not valid';
  }
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Line and column of the first `"key":` in the text: good enough to point an editor at the setting. */
function locateKey(text: string, key: string): { line?: number; column?: number } {
  const index = text.indexOf(`${JSON.stringify(key)}`);
  if (index < 0) return {};
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}
