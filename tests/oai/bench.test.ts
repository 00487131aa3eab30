import { describe, expect, it } from 'vitest';
import { runOaiBench } from '../../bench/oai-bench.js';

describe('runOaiBench', () => {
  it('harvests every generated record over HTTP and reports the figures', async () => {
    const result = await runOaiBench(1_050);
    expect(result.metrics.records).toBe(1_050);
    expect(result.metrics.pages).toBe(11);
    expect(result.metrics.recordsPerSecond).toBeGreaterThan(0);
    expect(result.lines[0]).toContain('1050 records in 11 pages');
  });
});
