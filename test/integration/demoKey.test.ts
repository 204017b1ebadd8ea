/**
 * Demo composites never mix with real ones: the same title in the same style gets a different composite
 * key in demo mode, so a cache shared with (or later reused by) a real instance never serves a demo poster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/server.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

describe('composite keys in demo mode', () => {
  let fake: FakeUpstream;
  let demo: App;
  let real: App;
  beforeAll(async () => {
    fake = await startFakeUpstream({ port: 0, host: '127.0.0.1' });
    demo = await startInProcessApp();
    real = await startInProcessApp({
      TMDB_API_KEY: 'real-key-for-the-fake',
      TMDB_API_BASE: fake.urls.tmdbApiBase,
      TMDB_IMAGE_BASE: fake.urls.tmdbImageBase,
      METAHUB_BASE: fake.urls.metahubBase,
      MDBLIST_API_KEY: 'real-mdblist-key',
      MDBLIST_API_BASE: fake.urls.mdblistApiBase,
      QUALITY_SOURCE: 'scraper',
      SCRAPER_URL: fake.urls.scraperUrl,
      ARCTIC_SHIFT_BASE: fake.urls.arcticShiftBase,
    });
  });
  afterAll(async () => {
    await Promise.all([demo?.close(), real?.close()]);
    await fake?.close();
  });

  const keyOf = async (app: App) => {
    const response = await app.get('/poster?imdb_id=tt0111161&type=movie&debug=1');
    expect(response.status).toBe(200);
    return ((await response.json()) as { cache_key: string }).cache_key;
  };

  it('the same title and style get different keys in demo mode and with a real key', async () => {
    expect(demo.deps.upstream.demo).toBe(true);
    expect(real.deps.upstream.demo).toBe(false);
    const [demoKey, realKey] = await Promise.all([keyOf(demo), keyOf(real)]);
    expect(demoKey).toMatch(/^poster:278:movie:[0-9a-f]{16}$/);
    expect(realKey).toMatch(/^poster:278:movie:[0-9a-f]{16}$/);
    expect(demoKey).not.toBe(realKey);
  });
});
