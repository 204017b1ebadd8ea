import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

async function png(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, meta: await sharp(bytes).metadata() };
}

describe('/logo', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  beforeEach(() => {
    app.fake.faults.reset();
  });
  afterAll(() => app.close());

  it('answers the best logo as a PNG cached for 30 days; every id form gives the same logo', async () => {
    const byImdb = await app.get('/logo?imdb_id=tt0111161');
    expect(byImdb.status).toBe(200);
    expect(byImdb.headers.get('content-type')).toBe('image/png');
    expect(byImdb.headers.get('cache-control')).toBe('public, max-age=2592000');
    const first = await png(byImdb);
    expect(first.meta.format).toBe('png');
    expect(first.meta.width).toBeGreaterThan(0);
    for (const url of [
      '/logo?tmdb_id=278&type=movie',
      '/logo?stremio_id=tt0111161&lang=en',
      '/logo?tmdb_id={tmdb_id?}&imdb_id=tt0111161&type={type}',
    ]) {
      const response = await app.get(url);
      expect(response.status, url).toBe(200);
      expect((await png(response)).bytes.equals(first.bytes), url).toBe(true);
    }
  });

  it('lang picks the language’s logo; an unknown or malformed lang falls back like a poster would', async () => {
    const english = (await png(await app.get('/logo?imdb_id=tt0111161&lang=en'))).bytes;
    const german = (await png(await app.get('/logo?imdb_id=tt0111161&lang=de'))).bytes;
    expect(german.equals(english)).toBe(false);
    const malformed = await app.get('/logo?imdb_id=tt0111161&lang=%3Cscript%3E');
    expect(malformed.status).toBe(200);
    expect((await png(malformed)).bytes.equals(english)).toBe(true);
  });

  it('series work through tvdb and tmdb:tv forms', async () => {
    for (const url of [
      '/logo?stremio_id=tvdb:81189',
      '/logo?stremio_id=tmdb:tv:1396',
      '/logo?tmdb_id=1396&type=series',
    ]) {
      const response = await app.get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });

  it.each([
    ['/logo?tmdb_id=515042&type=movie', 404, 'no_logo'],
    ['/logo?imdb_id=tt0056119', 404, 'no_logo'],
    ['/logo?imdb_id=tt9999999999', 404, 'unknown_title'],
    ['/logo?tmdb_id=999999999&type=movie', 404, 'unknown_title'],
    ['/logo', 400, 'missing_id'],
    ['/logo?tmdb_id=278', 400, 'missing_type'],
    ['/logo?tmdb_id=abc&type=movie', 400, 'invalid_tmdb_id'],
    ['/logo?imdb_id=nm0000001', 400, 'invalid_imdb_id'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await app.get(url);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: code });
  });

  it('a corrupt logo file is a 502, not a broken PNG cached for 30 days', async () => {
    app.fake.faults.set('images', { brokenImage: true });
    const response = await app.get('/logo?imdb_id=tt6751668');
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBeNull();
    expect(await response.json()).toMatchObject({ error: 'bad_logo' });
  });

  it('the image CDN down is a 503 with Retry-After', async () => {
    app.fake.faults.status('images', 503);
    const response = await app.get('/logo?imdb_id=tt0245429');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });
});
