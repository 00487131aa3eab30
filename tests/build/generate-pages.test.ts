import { describe, expect, it } from 'vitest';
import { generateSyntheticPages } from '../../bench/generate-pages.js';
import { ingestAll, timeIngest } from '../../bench/ingest-bench.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { requireProgram } from '../support/programs.js';

describe('generateSyntheticPages (benchmark corpus)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSyntheticPages(40, 7)).toEqual(generateSyntheticPages(40, 7));
    expect(generateSyntheticPages(40, 7)).not.toEqual(generateSyntheticPages(40, 8));
  });

  it('spreads pages evenly over the four layouts, each with its own markers', () => {
    const pages = generateSyntheticPages(400, 3);
    const byLayout = new Map<string, string[]>();
    for (const page of pages) {
      const layout = page.path.split('/')[0] as string;
      byLayout.set(layout, [...(byLayout.get(layout) ?? []), page.text]);
    }
    expect([...byLayout.keys()].sort()).toEqual(['current-site', 'flat-mirror', 'old-site', 'record-export']);
    for (const texts of byLayout.values()) expect(texts).toHaveLength(100);
    expect(byLayout.get('record-export')?.every((t) => t.includes('**Citation:**'))).toBe(true);
    expect(byLayout.get('current-site')?.every((t) => /Document Information|\nSource\n/.test(t))).toBe(true);
    expect(byLayout.get('flat-mirror')?.every((t) => t.includes('\nAssociated Places\n') && !t.includes('\n\n'))).toBe(true);
    expect(byLayout.get('old-site')?.every((t) => t.includes('Wilson Center Digital Archive, '))).toBe(true);
    // Varied features: some pages carry meeting blocks, speaker turns, gaps, classification marks.
    const all = pages.map((p) => p.text).join('\n');
    for (const feature of ['Participants:', '[...]', '[sic]', '[[', 'Translator\'s note', 'Nº', '\u00a0']) expect(all).toContain(feature);
  });

  it('produces pages that ingest reads as cables', () => {
    const pages = generateSyntheticPages(80, 11);
    const encoder = new TextEncoder();
    const results = pages.map((p) => ingestBytes(encoder.encode(p.text), p.path));
    expect(results.filter((r) => r.cable === undefined)).toEqual([]);
  });
});

describe('the ingest benchmark', () => {
  it('times every page, and hands on the cables ingest reads from them', () => {
    const pages = generateSyntheticPages(24, 5);
    const result = timeIngest(pages, 'on one thread');
    const encoder = new TextEncoder();
    expect(ingestAll(pages)).toEqual(pages.map((p) => ingestBytes(encoder.encode(p.text), p.path).cable));
    expect(result.metrics).toMatchObject({ pages: 24, failures: 0, layoutMatches: 24 });
    expect(result.metrics.pagesPerSecond).toBeGreaterThan(0);
    expect(result.lines[1]).toMatch(/^ingest: \d+ pages\/s wall, \d+ pages\/CPU-s \(target ≥ 2000 on one core\)/);
  });

  it('times the pass again in a child pinned to one core (taskset)', async () => {
    requireProgram('taskset', 'util-linux');
    // The child is a file of the built package: run the built bench, as `npm run bench` does.
    const built = (await import(new URL('../../dist-bench/bench/ingest-bench.js', import.meta.url).href)) as typeof import('../../bench/ingest-bench.js');
    const result = built.timeIngestOnOneCore(30);
    expect(result?.metrics).toMatchObject({ pages: 30, failures: 0, layoutMatches: 30 });
    expect(result?.lines[0]).toContain('pinned to one core (taskset -c 0)');
  });
});
