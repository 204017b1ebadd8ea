import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalBlobStore } from '../../src/adapters/blob/local.ts';
import { pollDigitalReleases } from '../../src/jobs/digitalReleases.ts';
import { refreshTrending } from '../../src/jobs/trending.ts';
import { createArcticShiftClient } from '../../src/upstream/arcticShift.ts';
import { startFactsHarness } from '../helpers/factsHarness.ts';

describe('feed jobs against the fake upstream', () => {
  let h: Awaited<ReturnType<typeof startFactsHarness>>;
  let dir: string;
  beforeAll(async () => {
    h = await startFactsHarness();
    dir = await mkdtemp(path.join(tmpdir(), 'feeds-'));
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('digital-release poll stores the IMDb ids the posts name', async () => {
    const arctic = createArcticShiftClient({ http: h.facts.http, base: h.fake.urls.arcticShiftBase });
    const found = await pollDigitalReleases(
      { fetcher: h.facts.fetcher, recentDigitalReleases: arctic.recentDigitalReleases, now: Date.now },
      new AbortController().signal,
    );
    expect(found).toBeGreaterThan(0);
    const row = await h.storage.get('digital_release_cache', 'tt26581740');
    expect(row?.fresh).toBe(true);
  });

  it('trending refresh stores ranks and invalidates stored posters of trending titles', async () => {
    const blobStore = await openLocalBlobStore({ dir: path.join(dir, 'composites') });
    const stored = async (tmdbId: string, mediaType: string) => {
      const key = `poster:${tmdbId}:${mediaType}:abc`;
      await blobStore.put(`composites/${key}~1`, Buffer.from('x'), 'image/webp');
      await h.storage.putComposite({
        key,
        blobKey: `composites/${key}~1`,
        contentType: 'image/webp',
        etag: '"e"',
        byteLength: 1,
        cachedAt: Date.now(),
        expiresAt: Date.now() + 86_400_000,
        tmdbId,
        mediaType,
        params: '{}',
      });
      return key;
    };
    const trendingKey = await stored('1233413', 'movie'); // Sinners, #1 today
    const quietKey = await stored('238', 'movie'); // The Godfather, not trending
    const result = await refreshTrending(
      {
        fetcher: h.facts.fetcher,
        storage: h.storage,
        blobStore,
        trending: (mediaType, signal) => h.facts.tmdb.trending(mediaType, 5, { signal }),
        broadCount: 100,
      },
      new AbortController().signal,
    );
    expect(result.invalidated).toBe(1);
    expect(await h.storage.getComposite(trendingKey)).toBeNull();
    expect(await blobStore.get(`composites/${trendingKey}~1`)).toBeNull();
    expect(await h.storage.getComposite(quietKey)).not.toBeNull();
    const ranks = await h.storage.get<string[]>('trending_cache', 'movie');
    expect(ranks?.value[0]).toBe('1233413');
  });
});
