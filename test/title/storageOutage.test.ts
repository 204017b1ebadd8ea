/**
 * With the storage down, every fact is fetched from upstream and nothing is cached; a poster made from
 * those facts must still be complete. Quality tokens reach the request through the fetch itself, not
 * by reading back the cache row that could not be written (that made every poster provisional and
 * badge-less for the whole of a PostgreSQL outage).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFactsHarness } from '../helpers/factsHarness.ts';

let h: Awaited<ReturnType<typeof startFactsHarness>>;
beforeAll(async () => {
  h = await startFactsHarness({ QUALITY_GRACE_MS: '5000' });
});
afterAll(() => h.close());

it('a cold title gathered while storage fails is complete, quality included', async () => {
  await h.storage.close(); // every call now throws, as a dead database does
  await expect(h.storage.get('quality_cache', 'tt6751668')).rejects.toThrow();

  const data = await h.facts.gatherer.gather(
    { tmdbId: '496243', mediaType: 'movie' },
    {
      imageLanguages: ['en'],
      needQuality: true,
      waitForQuality: false,
      cacheOnly: false,
      deadline: Date.now() + 10_000,
    },
  );
  expect(data?.provisionalReasons).toEqual([]);
  expect(data?.qualityTokens).toContain('WEBDL');
  expect(data?.mdblist).not.toBeNull();
});
