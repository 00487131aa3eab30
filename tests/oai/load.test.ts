import { describe, expect, it } from 'vitest';
import { runOaiLoad } from '../../bench/oai-load.js';
import { startServer } from '../../src/server/index.js';
import { corpus } from './corpus.js';
import { buildProject, projectConfig } from './http-support.js';
import { tempDir } from './support.js';

describe('concurrent harvesters (bounded load on loopback)', () => {
  it('answer every request of 12 harvesters mixing ListRecords, resumption and GetRecord without an error, each harvest complete', async () => {
    const root = tempDir('cablekit-load-');
    const cables = corpus(299);
    await buildProject(root, cables, new Date('2026-01-10T09:00:00Z'));
    const expected = cables.map((c) => `oai:edition.example.org:${c.id}`).sort();
    const server = await startServer({ config: projectConfig, root, pageSize: 25 });
    try {
      const harvests: string[][] = [];
      const load = await runOaiLoad({ urls: [`${server.url}/oai`], harvesters: 12, harvests: 2, onHarvest: (ids) => harvests.push(ids) });
      expect(load.errors).toEqual([]);
      expect(load.harvests).toBe(24);
      for (const ids of harvests) expect(ids).toEqual(expected);
      // 12 pages per harvest and a GetRecord every third page.
      expect(load.requests).toBe(24 * (12 + 4));
    } finally {
      await server.close();
    }
  }, 120_000);
});
