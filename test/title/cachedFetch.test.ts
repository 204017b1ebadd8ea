import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src/adapters/storage/sqlite.ts';
import type { Storage } from '../../src/ports/storage.ts';
import { createCachedFetcher, type LookupResult } from '../../src/title/cachedFetch.ts';

async function setup() {
  const storage = await openSqliteStorage({ path: ':memory:' });
  let now = 1_000_000;
  const lookups: (LookupResult | 'error')[] = [];
  const fetcher = createCachedFetcher({ storage, now: () => now, onLookup: (_t, r) => lookups.push(r) });
  return { storage, fetcher, lookups, advance: (ms: number) => (now += ms) };
}

describe('cached fetch', () => {
  it('miss → stored → hit, until the TTL passes', async () => {
    const { fetcher, lookups, advance } = await setup();
    let calls = 0;
    const spec = {
      table: 'rating_cache' as const,
      key: 'tt1',
      fetch: async () => ({ n: ++calls }),
      ttlMs: () => 1000,
    };
    expect(await fetcher.get(spec)).toMatchObject({ ok: true, value: { n: 1 }, result: 'miss' });
    expect(await fetcher.get(spec)).toMatchObject({ ok: true, value: { n: 1 }, result: 'hit' });
    advance(1001);
    expect(await fetcher.get(spec)).toMatchObject({ ok: true, value: { n: 2 }, result: 'miss' });
    expect(lookups).toEqual(['miss', 'hit', 'miss']);
  });

  it('coalesces concurrent misses into one fetch', async () => {
    const { fetcher } = await setup();
    let calls = 0;
    const spec = {
      table: 'tmdb_metadata_cache' as const,
      key: 'movie:1',
      fetch: async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 20));
        return 'v';
      },
      ttlMs: () => 1000,
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => fetcher.get(spec)));
    expect(calls).toBe(1);
    expect(results.every((r) => r.ok && r.value === 'v')).toBe(true);
    expect(fetcher.inflightCount()).toBe(0);
  });

  it('serves the stale value when the refetch fails, and says so', async () => {
    const { fetcher, advance } = await setup();
    await fetcher.get({ table: 'rating_cache', key: 'tt2', fetch: async () => 'old', ttlMs: () => 10 });
    advance(50);
    const result = await fetcher.get({
      table: 'rating_cache',
      key: 'tt2',
      fetch: async () => {
        throw new Error('upstream down');
      },
      ttlMs: () => 10,
    });
    expect(result).toMatchObject({ ok: true, value: 'old', result: 'stale' });
  });

  it('reports the failure when there is nothing stale to serve', async () => {
    const { fetcher, lookups } = await setup();
    const result = await fetcher.get({
      table: 'rating_cache',
      key: 'tt3',
      fetch: async () => {
        throw new Error('down');
      },
      ttlMs: () => 10,
    });
    expect(result.ok).toBe(false);
    expect(lookups).toEqual(['error']);
  });

  it('treats rows that fail `accept` as stale (refetches them)', async () => {
    const { fetcher } = await setup();
    await fetcher.get({
      table: 'rating_cache',
      key: 'k',
      fetch: async () => ({ v: 1 }),
      ttlMs: () => 100_000,
    });
    const again = await fetcher.get({
      table: 'rating_cache',
      key: 'k',
      fetch: async () => ({ v: 2 }),
      ttlMs: () => 100_000,
      accept: (value: { v: number }) => value.v === 2,
    });
    expect(again).toMatchObject({ value: { v: 2 }, result: 'miss' });
  });

  it('keeps serving when storage is down: fetched values pass through unstored', async () => {
    const broken = {
      get: async () => {
        throw new Error('db down');
      },
      put: async () => {
        throw new Error('db down');
      },
    } as unknown as Storage;
    const errors: unknown[] = [];
    const fetcher = createCachedFetcher({
      storage: broken,
      now: () => 0,
      onStorageError: (e) => errors.push(e),
    });
    const result = await fetcher.get({
      table: 'rating_cache',
      key: 'x',
      fetch: async () => 7,
      ttlMs: () => 1,
    });
    expect(result).toMatchObject({ ok: true, value: 7, result: 'miss' });
    expect(errors).toHaveLength(2);
  });

  it('peek reads without fetching', async () => {
    const { fetcher } = await setup();
    expect(await fetcher.peek('rating_cache', 'none')).toBeNull();
    await fetcher.get({ table: 'rating_cache', key: 'p', fetch: async () => 'x', ttlMs: () => null });
    expect(await fetcher.peek('rating_cache', 'p')).toEqual({ value: 'x', fresh: true });
  });
});
