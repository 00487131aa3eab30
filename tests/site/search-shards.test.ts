import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSearchShards, searchShardCount, shardName, shardOf } from '../../src/site/search-shards.js';

const pageName = fc.stringMatching(/^[a-z0-9-]{1,40}\.html$/);

describe('the search index parts', () => {
  it('are a power of two, enough for the pages at the size asked, one for an empty or small edition', () => {
    expect(searchShardCount(0, 500)).toBe(1);
    expect(searchShardCount(500, 500)).toBe(1);
    expect(searchShardCount(501, 500)).toBe(2);
    expect(searchShardCount(10_000, 500)).toBe(32);
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 5_000 }), (pages, size) => {
        const count = searchShardCount(pages, size);
        expect(Number.isInteger(Math.log2(count))).toBe(true);
        expect(count * size).toBeGreaterThanOrEqual(pages);
        // The next smaller power of two would not be enough.
        if (count > 1) expect((count / 2) * size).toBeLessThan(pages);
      }),
    );
  });

  it('put a page in the same part whatever else the edition holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pageName, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (names, size) => {
        const digests = new Map(names.map((n) => [n, 'd']));
        const { shardCount, shards } = planSearchShards(digests, size);
        for (const shard of shards) for (const page of shard.pages) expect(shard.name).toBe(shardName(shardOf(page, shardCount), shardCount));
        expect(shards.flatMap((s) => s.pages).sort()).toEqual([...names].sort());
        // No empty part is listed, and the parts come in their order.
        expect(shards.every((s) => s.pages.length > 0)).toBe(true);
        expect(shards.map((s) => s.name)).toEqual(shards.map((s) => s.name).sort());
      }),
    );
  });

  it('change the digest of the one part whose page changed, and only it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pageName, { minLength: 2, maxLength: 60 }), fc.nat(), (names, pick) => {
        const before = new Map(names.map((n) => [n, 'old']));
        const changed = names[pick % names.length]!;
        const after = new Map(before).set(changed, 'new');
        const a = planSearchShards(before, 4);
        const b = planSearchShards(after, 4);
        const differing = a.shards.filter((s, i) => s.digest !== b.shards[i]!.digest).map((s) => s.name);
        expect(differing).toEqual([shardName(shardOf(changed, a.shardCount), a.shardCount)]);
      }),
    );
  });

  it('are named with zero-padded numbers that sort in their order', () => {
    expect(shardName(3, 32)).toBe('03');
    expect(shardName(0, 1)).toBe('0');
    expect(shardName(127, 128)).toBe('127');
  });
});
