import { mkdirSync, writeFileSync } from 'node:fs';
import { deriveInMemory } from '../../src/pipeline/index.js';
import { dirname, join } from 'node:path';
import type { CablekitConfig } from '../../src/config/config.js';
import { dcStage } from '../../src/dc/index.js';
import type { Cable } from '../../src/model/index.js';
import { syncOaiStore } from '../../src/oai/index.js';
import { testConfig } from '../dc/sample-cables.js';
import { writeProject } from './support.js';

export const projectConfig: CablekitConfig = { ...testConfig, outputDir: 'output', teiDir: 'tei' };

/** Builds what the build would for the OAI/DC side: TEI files, output/dc, a manifest per cable, the store (the one `config` names). */
export async function buildProject(
  root: string,
  cables: readonly Cable[],
  now: Date,
  notes: Record<string, string> = {},
  config: CablekitConfig = projectConfig,
): Promise<void> {
  const decoded = writeProject(root, cables, notes);
  for (const f of deriveInMemory(dcStage, decoded, projectConfig).files) {
    const path = join(root, projectConfig.outputDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  for (const c of cables) {
    const path = join(root, projectConfig.outputDir, 'iiif', c.id, 'manifest.json');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ '@context': 'http://iiif.io/api/presentation/3/context.json', id: c.id, type: 'Manifest' }));
  }
  const { diagnostics } = await syncOaiStore(decoded, config, root, now);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the OAI store sync failed: ${errors.map((d) => d.message).join('; ')}`);
}
