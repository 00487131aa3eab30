import { describe, expect, it } from 'vitest';
import { runIiifBench } from '../../bench/iiif-bench.js';
import { conversationCable, jiaoRuoyuCable } from './cable-fixtures.js';

describe('runIiifBench', () => {
  it('builds and validates a manifest per cable and reports the figures', async () => {
    const cables = Array.from({ length: 30 }, (_, i) => ({ ...(i % 2 ? jiaoRuoyuCable() : conversationCable()), id: `bench-${i}` }));
    const result = await runIiifBench(cables);
    expect(result.name).toBe('iiif');
    expect(result.metrics).toMatchObject({ manifests: 30, invalidManifests: 0, invalidCollections: 0 });
    // corpus + archive + year + two document types
    expect(result.metrics['collections']).toBe(5);
    expect(result.metrics['msPerManifest']).toBeGreaterThan(0);
    expect(result.lines[0]).toContain('30 manifests');
  });
});
