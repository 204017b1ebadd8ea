import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

describe('/poster in demo mode', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  it('renders a complete 500×750 WebP, then serves it as a HIT with the same strong ETag', async () => {
    const first = await app.get('/poster?imdb_id=tt0111161&type=movie');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 500, height: 750 });
    expect(bytes.length).toBeLessThan(100 * 1024);

    const second = await app.get('/poster?imdb_id=tt0111161&type=movie');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('debug=1 carries the diagnostics: score, sash, quality, provisional flag and cache key', async () => {
    const response = await app.get('/poster?imdb_id=tt0111161&type=movie&debug=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    for (const field of [
      'imdb_id',
      'tmdb_id',
      'type',
      'score',
      'ratings',
      'rating_weights',
      'genre',
      'release_year',
      'age_rating',
      'quality_tokens',
      'quality_tier',
      'sash',
      'release_status',
      'trending_rank',
      'provisional',
      'provisional_reasons',
      'cache_key',
    ]) {
      expect(body, field).toHaveProperty(field);
    }
    expect(body).toMatchObject({ imdb_id: 'tt0111161', tmdb_id: '278', type: 'movie', provisional: false });
    expect(body.score).toBeGreaterThan(0);
    expect(body.sash).toMatchObject({
      label: expect.any(String),
      type: expect.any(String),
      slot: expect.any(String),
    });
    expect((body.quality_tokens as string[]).length).toBeGreaterThan(0);
  });

  it('answers If-None-Match with 304 and the same cache headers', async () => {
    const first = await app.get('/poster?tmdb_id=1396&type=series');
    const etag = first.headers.get('etag')!;
    const revalidated = await app.get('/poster?tmdb_id=1396&type=series', {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
  });

  it('HEAD answers like GET without a body, and warms the cache for the GET', async () => {
    const head = await app.get('/poster?imdb_id=tt0068646&type=movie', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/webp');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const get = await app.get('/poster?imdb_id=tt0068646&type=movie');
    expect(get.headers.get('x-cache')).toBe('HIT');
    expect(get.headers.get('etag')).toBe(head.headers.get('etag'));
  });

  it('every client spelling of one title shares one composite (same ETag)', async () => {
    const spellings = [
      '/poster?tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id=tt0903747&type=series&shape={shape}',
      '/poster?tmdb_id=&imdb_id=tt0903747&stremio_id=tt0903747&type=series&shape=poster',
      '/poster?tmdb_id=%7Btmdb_id%3F%7D&imdb_id=%7Bimdb_id%3F%7D&stremio_id=tt0903747&type=series&shape=%7Bshape%7D',
      '/poster?tmdb_id=1396&type=tv&shape=portrait',
      '/poster?stremio_id=tvdb:81189&type=series',
      '/poster?stremio_id=tmdb:tv:1396&type=anime',
    ];
    const etags = new Set<string | null>();
    for (const url of spellings) {
      const response = await app.get(url);
      expect(response.status, url).toBe(200);
      etags.add(response.headers.get('etag'));
    }
    expect(etags.size).toBe(1);
    expect([...etags][0]).toBeTruthy();
  });

  it.each([
    ['/poster', 400, 'missing_id'],
    ['/poster?tmdb_id=abc&type=movie', 400, 'invalid_tmdb_id'],
    ['/poster?imdb_id=tt0111161&shape=square', 400, 'unsupported_shape'],
    ['/poster?stremio_id=kitsu:7442&type=series', 404, 'anime_unsupported'],
    ['/poster?imdb_id=tt9999999999&type=movie', 404, 'unknown_title'],
    ['/poster?tmdb_id=999999999&type=movie', 404, 'unknown_title'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await app.get(url);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: code });
  });

  it('a known title without any art still gets a poster (the genre canvas)', async () => {
    const response = await app.get('/poster?imdb_id=tt0056119&type=movie');
    expect(response.status).toBe(200);
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({
      width: 500,
      height: 750,
    });
  });

  it('corrupt artwork falls back instead of failing', async () => {
    const response = await app.get('/poster?imdb_id=tt0368226&type=movie');
    expect(response.status).toBe(200);
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({
      width: 500,
      height: 750,
    });
  });
});

describe('use_original_art', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp({ JOBS_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it('serves the studio poster as-is: text-bearing art, no logo, no backdrop rescue, its own cache entry', async () => {
    const plain = (await (await app.get('/poster?imdb_id=tt0111161&type=movie&debug=1')).json()) as Record<
      string,
      unknown
    >;
    const original = (await (
      await app.get('/poster?imdb_id=tt0111161&type=movie&use_original_art=true&debug=1')
    ).json()) as Record<string, unknown>;
    expect(plain.poster_is_textless).toBe(true);
    expect(original).toMatchObject({ poster_is_textless: false, logo: null, backdrop: null });
    expect(original.poster).not.toBe(plain.poster);
    expect(original.cache_key).not.toBe(plain.cache_key);
    const image = await app.get('/poster?imdb_id=tt0111161&type=movie&use_original_art=true');
    expect(image.status).toBe(200);
  });

  it('a foreign title without any TMDB logo gets Metahub’s, through the art pipeline, complete', async () => {
    const debug = (await (await app.get('/poster?imdb_id=tt0056119&type=movie&debug=1')).json()) as {
      logo: string | null;
    };
    expect(debug.logo).toMatch(/\/metahub\/logo\/medium\/tt0056119\/img$/);
    const before = app.fake.requests.count('metahub');
    const image = await app.get('/poster?imdb_id=tt0056119&type=movie');
    expect(image.status).toBe(200);
    expect(image.headers.get('x-cache')).toBe('MISS');
    expect(app.fake.requests.count('metahub')).toBe(before + 1);
  });
});
