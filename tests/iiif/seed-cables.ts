import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cable } from '../../src/model/cable.js';
import { ingestBytes } from '../../src/ingest/index.js';

/** The seed pages committed with the project (the sample edition's sources). */
export const SEEDS_DIR = fileURLToPath(new URL('../../sources/', import.meta.url));

/** The seed pages as cables: ingest's model, which decoding their TEI gives back. */
export function seedCables(): Cable[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const { cable } = ingestBytes(readFileSync(join(SEEDS_DIR, name)), `seeds/${name}`);
      if (!cable) throw new Error(`seed ${name} did not ingest`);
      return cable;
    });
}
