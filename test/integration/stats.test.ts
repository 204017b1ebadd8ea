import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

describe('/stats', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp({ ACCESS_KEY: 'operator-key-1', JOBS_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it('is gated like /poster', async () => {
    expect((await app.get('/stats')).status).toBe(403);
    expect((await app.get('/stats?access_key=nope')).status).toBe(403);
  });

  it('reports cache rows, L1, renders, breakers, MDBList quota and jobs — and no secrets', async () => {
    // The Godfather is not trending, so the trending refresh below leaves its stored poster alone.
    await app.get('/poster?imdb_id=tt0068646&type=movie&access_key=operator-key-1');
    await app.deps.scheduler.runNow('trending-fetch');
    const response = await app.get('/stats?access_key=operator-key-1');
    expect(response.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON report read field by field in assertions
    const body = (await response.json()) as Record<string, any>;
    expect(body.cache.composite_cache).toBe(1);
    expect(body.cache.tmdb_metadata_cache).toBeGreaterThanOrEqual(1);
    expect(body.cache.trending_cache).toBe(2);
    expect(body.composite_l1.entries).toBe(1);
    expect(body.composite_l1.bytes).toBeGreaterThan(1000);
    expect(body.runtime).toEqual({ renders_in_flight: 0, renders_queued: 0, renders_saturated: 0 });
    expect(body.breakers.tmdb).toBe('closed');
    expect(body.mdblist_keys[0]).toMatchObject({ index: 0, daily_limit: expect.any(Number) });
    const trending = body.jobs.find((j: { name: string }) => j.name === 'trending-fetch');
    expect(trending).toMatchObject({ last_outcome: 'ok', running: false });
    expect(JSON.stringify(body)).not.toContain('operator-key-1');
  });
});
