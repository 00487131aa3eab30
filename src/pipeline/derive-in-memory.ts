import type { CablekitConfig } from '../config/config.js';
import { editionLayout } from '../edition/layout.js';
import { runStage, type DecodedCable, type DerivedStage, type StageDocument, type StageResult } from '../stage/index.js';
import { readPageImages, readPlaceEntries } from './read-assets.js';

/**
 * One stage over a small corpus held in memory, with the assets read from disk as the build reads
 * them: what tests and the `validate`-style tools need, without writing files.
 */
export function deriveInMemory<S>(stage: DerivedStage<S>, decoded: readonly DecodedCable[], config: CablekitConfig): StageResult {
  const authority = readPlaceEntries(config.authorityFile);
  const diagnostics = [...authority.diagnostics];
  const docs: StageDocument[] = decoded.map((d) => {
    if (config.imagesDir === undefined) return { ...d, pageImages: [] };
    const found = readPageImages(config.imagesDir, d.cable.id);
    diagnostics.push(...found.diagnostics);
    return { ...d, pageImages: found.images };
  });
  const result = runStage(stage, docs, { config, layout: editionLayout(config), places: authority.places });
  return { files: result.files, diagnostics: [...diagnostics, ...result.diagnostics] };
}
