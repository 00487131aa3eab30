import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../config/config.js';
import { CONFIG_FILE_NAME } from '../../config/load-config.js';
import { writeFileAtomic } from '../../fs/index.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';

/**
 * The starter config: every setting a new edition must think about, with its default, and a
 * `$comment` (JSON has no comments) saying what to change first.
 */
function starterConfig(): string {
  const d = DEFAULT_CONFIG;
  const config = {
    $schema: 'https://cablekit.example.org/schemas/cablekit.config.schema.json',
    $comment: [
      'cablekit edition settings; every key is optional (see docs/cli.md for all of them).',
      'Put the archive pages (*.txt) in sourcesDir, then run "cablekit build".',
      'Before publishing: set baseUrl to the address the output folder is served at, name the',
      'collection and publisher, and set rightsUri to the statement that applies to the documents.',
    ],
    sourcesDir: d.sourcesDir,
    teiDir: d.teiDir,
    outputDir: d.outputDir,
    baseUrl: d.baseUrl,
    collectionName: 'My cablekit edition',
    publisher: 'My cablekit edition',
    rightsUri: d.rightsUri,
    provider: { name: 'My cablekit edition', homepage: `${d.baseUrl}/` },
    oai: { repositoryIdentifier: 'edition.example.org', adminEmail: 'editor@example.org' },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** `cablekit init [dir]`: writes a starter config and an empty sources folder; never overwrites a config. */
export function initCommand(dir: string): number {
  const root = resolve(dir);
  const configPath = join(root, CONFIG_FILE_NAME);
  if (existsSync(configPath)) {
    throw new UsageError(`${configPath} already exists; cablekit init never overwrites a config (edit it, or init another folder)`);
  }
  mkdirSync(join(root, DEFAULT_CONFIG.sourcesDir), { recursive: true });
  writeFileAtomic(configPath, starterConfig());
  process.stderr.write(
    `Started an edition in ${root}: ${CONFIG_FILE_NAME} and ${DEFAULT_CONFIG.sourcesDir}/.\n` +
      `Put archive pages (*.txt) in ${DEFAULT_CONFIG.sourcesDir}/, then run "cablekit build".\n`,
  );
  return EXIT_OK;
}
