import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

describe('/search and /resolve-imdb (TMDB proxies)', () => {
  let app: App;
  beforeAll(async () => {
    // The anonymous throttle is off here (rateLimit.test.ts covers it): these tests check answers.
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ANONYMOUS_TMDB_RPS: '0' });
  });
  beforeEach(() => {
    app.fake.faults.reset();
  });
  afterAll(() => app.close());

  it('search returns movies and series with only the fields a picker needs', async () => {
    const response = await app.get('/search?q=breaking');
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: Record<string, unknown>[] };
    expect(results[0]).toEqual({
      id: 1396,
      media_type: 'tv',
      title: 'Breaking Bad',
      year: '2008',
      poster_url: expect.stringMatching(/\/w185\/[^/]+\.jpg$/),
    });
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['id', 'media_type', 'poster_url', 'title', 'year']);
    }
  });

  it('matches accents and repeated q takes the first value', async () => {
    const accents = (await (await app.get('/search?q=jet%C3%A9e')).json()) as { results: { id: number }[] };
    expect(accents.results.map((result) => result.id)).toContain(662);
    const repeated = (await (await app.get('/search?q=godfather&q=breaking')).json()) as {
      results: { title: string }[];
    };
    expect(repeated.results[0]?.title).toBe('The Godfather');
  });

  it('an unknown title searches to an empty list', async () => {
    const response = await app.get('/search?q=zzzzzz-no-such-title');
    expect(await response.json()).toEqual({ results: [] });
  });

  it.each([
    ['/search', 'missing'],
    ['/search?q=', 'empty'],
    ['/search?q=%20%20%20', 'blank'],
    [`/search?q=${'a'.repeat(201)}`, '201 characters'],
  ])('%s (%s q) → 400 invalid_query', async (url) => {
    const response = await app.get(url);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_query' });
  });

  it('accepts exactly 200 characters', async () => {
    expect((await app.get(`/search?q=${'a'.repeat(200)}`)).status).toBe(200);
  });

  it('a caller key TMDB refuses is a 400, never echoed', async () => {
    const response = await app.get('/search?q=breaking&tmdb_key=invalid');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'tmdb_key_rejected' });
  });

  it('TMDB down → 503 with Retry-After; garbage JSON → 502, never a 500', async () => {
    app.fake.faults.status('tmdb', 503);
    const down = await app.get('/search?q=sinners');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toMatchObject({ error: 'upstream_unavailable' });
    app.fake.faults.reset();
    app.fake.faults.set('tmdb', { brokenJson: true });
    const broken = await app.get('/search?q=weapons');
    expect(broken.status).toBe(502);
    expect(await broken.json()).toMatchObject({ error: 'upstream_error' });
  });

  it('resolve-imdb answers the IMDb id (series = tv), null when TMDB has no IMDb link', async () => {
    expect(await (await app.get('/resolve-imdb?tmdb_id=1396&type=series')).json()).toEqual({
      tmdb_id: '1396',
      type: 'tv',
      imdb_id: 'tt0903747',
    });
    expect(await (await app.get('/resolve-imdb?tmdb_id=278&type=movie')).json()).toMatchObject({
      imdb_id: 'tt0111161',
    });
    const response = await app.get('/resolve-imdb?tmdb_id=515042&type=movie');
    expect(response.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(await response.json()).toMatchObject({ imdb_id: null });
  });

  it.each([
    ['/resolve-imdb?tmdb_id=999999999&type=movie', 404, 'unknown_title'],
    ['/resolve-imdb?tmdb_id=abc&type=movie', 400, 'invalid_tmdb_id'],
    ['/resolve-imdb?tmdb_id=12345678901&type=movie', 400, 'invalid_tmdb_id'],
    ['/resolve-imdb?type=movie', 400, 'invalid_tmdb_id'],
    ['/resolve-imdb?tmdb_id=1396', 400, 'invalid_type'],
    ['/resolve-imdb?tmdb_id=1396&type=anime', 400, 'invalid_type'],
    ['/resolve-imdb?tmdb_id={tmdb_id}&type=movie', 400, 'invalid_tmdb_id'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await app.get(url);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: code });
  });

  it('without a server TMDB key: 503, unless the caller brings one', async () => {
    const keyless = await buildServer({ ...app.deps, upstream: { ...app.deps.upstream, tmdbApiKey: '' } });
    try {
      const refused = await keyless.inject('/search?q=breaking');
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ error: 'no_tmdb_key' });
      const own = await keyless.inject('/resolve-imdb?tmdb_id=1396&type=tv&tmdb_key=caller-own-key');
      expect(own.statusCode).toBe(200);
      expect(own.body).not.toContain('caller-own-key');
    } finally {
      await keyless.close();
    }
  });
});
