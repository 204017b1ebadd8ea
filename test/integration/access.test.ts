/**
 * The lock rules of reference §10.2, for every combination of PRESET_ENABLED and ACCESS_KEY, plus the
 * rule that `nocache` is only honoured for a configured and supplied key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;
const KEY = 'k3y-for-the-operator';
const POSTER = '/poster?imdb_id=tt0111161&type=movie';
const LOGO = '/logo?imdb_id=tt0111161';

async function status(app: App, url: string): Promise<number> {
  const response = await app.get(url);
  await response.arrayBuffer();
  return response.status;
}

async function caps(app: App, query = '') {
  const response = await app.get(`/server-caps${query}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('PRESET_ENABLED=true without ACCESS_KEY (fail-closed public tier)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true' });
  });
  afterAll(() => app.close());

  it('closes the operator endpoints, whatever key is given', async () => {
    for (const url of [POSTER, `${POSTER}&access_key=anything`, LOGO, `${LOGO}&access_key=`]) {
      const response = await app.get(url);
      expect(response.status, url).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('keeps the public tier, /server-caps and the TMDB proxies anonymous', async () => {
    expect(await status(app, '/p/clean_notch/movie/tt0111161.jpg')).toBe(200);
    expect(await status(app, '/search?q=inception')).toBe(200);
    expect(await status(app, '/resolve-imdb?tmdb_id=278&type=movie')).toBe(200);
    const capabilities = await caps(app);
    expect(capabilities.status).toBe(200);
    expect(capabilities.body).toMatchObject({ preset_enabled: true, access_key_valid: false });
    // No key opens the operator endpoints here, so none is asked for.
    expect(capabilities.body).toMatchObject({ access_key_required: false });
    expect((await caps(app, '?access_key=anything')).body).toMatchObject({ access_key_required: false });
  });
});

describe('ACCESS_KEY set, presets off', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ ACCESS_KEY: KEY });
  });
  afterAll(() => app.close());

  it.each([
    ['missing', ''],
    ['empty', '&access_key='],
    ['wrong', '&access_key=wrong-key'],
    ['a prefix of the key', `&access_key=${KEY.slice(0, -1)}`],
    ['the key plus one character', `&access_key=${KEY}x`],
    ['non-ASCII', '&access_key=%E2%98%83%F0%9F%94%91'],
    ['invalid UTF-8', '&access_key=%FF%FE%80'],
    ['absurdly long', `&access_key=${'k'.repeat(6000)}`],
    ['a placeholder', '&access_key={access_key}'],
  ])('a %s key is refused with 403 on /poster and /logo (never a 500)', async (_name, suffix) => {
    for (const url of [`${POSTER}${suffix}`, `${LOGO}${suffix}`]) {
      const response = await app.get(url);
      expect(response.status, url).toBe(403);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'forbidden' });
      if (suffix.length > 20) expect(text).not.toContain(suffix.slice(12, 40));
    }
  });

  it('the right key opens /poster and /logo; a repeated key parameter uses its first value', async () => {
    expect(await status(app, `${POSTER}&access_key=${KEY}`)).toBe(200);
    expect(await status(app, `${LOGO}&access_key=${KEY}`)).toBe(200);
    expect(await status(app, `${POSTER}&access_key=${KEY}&access_key=wrong`)).toBe(200);
    expect(await status(app, `${POSTER}&access_key=wrong&access_key=${KEY}`)).toBe(403);
  });

  it('/server-caps, /search and /resolve-imdb sit behind the gate too', async () => {
    expect((await caps(app)).status).toBe(403);
    expect(await status(app, '/search?q=inception')).toBe(403);
    expect(await status(app, '/resolve-imdb?tmdb_id=278&type=movie&access_key=nope')).toBe(403);
    const capabilities = await caps(app, `?access_key=${KEY}`);
    expect(capabilities.status).toBe(200);
    expect(capabilities.body).toMatchObject({
      access_key_valid: true,
      access_key_required: false,
      preset_enabled: false,
      presets: [],
    });
    expect(await status(app, `/search?q=inception&access_key=${KEY}`)).toBe(200);
  });

  it('/p stays 404: the public tier is off', async () => {
    expect(await status(app, '/p/clean_notch/movie/tt0111161.jpg')).toBe(404);
  });

  it('nocache=1 with the key re-renders and re-stores; without it the cache answers', async () => {
    const url = '/poster?imdb_id=tt6751668&type=movie';
    const first = await app.get(`${url}&access_key=${KEY}`);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const fresh = await app.get(`${url}&access_key=${KEY}&nocache=1`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(fresh.headers.get('etag')).toBe(first.headers.get('etag'));
    const after = await app.get(`${url}&access_key=${KEY}`);
    expect(after.headers.get('x-cache')).toBe('HIT');
  });
});

describe('ACCESS_KEY set and presets on', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ ACCESS_KEY: KEY, PRESET_ENABLED: 'true' });
  });
  afterAll(() => app.close());

  it('operator endpoints need the key; /server-caps says whether the caller holds it', async () => {
    expect(await status(app, POSTER)).toBe(403);
    expect(await status(app, `${POSTER}&access_key=${KEY}`)).toBe(200);
    expect((await caps(app)).body).toMatchObject({
      access_key_valid: false,
      access_key_required: true,
      preset_enabled: true,
    });
    expect((await caps(app, '?access_key=wrong')).body).toMatchObject({
      access_key_valid: false,
      access_key_required: true,
    });
    expect((await caps(app, `?access_key=${KEY}`)).body).toMatchObject({
      access_key_valid: true,
      access_key_required: false,
    });
    expect(await status(app, '/search?q=inception')).toBe(200);
  });
});

describe('neither PRESET_ENABLED nor ACCESS_KEY (open instance)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  it('everything operator-side is open and /server-caps says so', async () => {
    expect(await status(app, POSTER)).toBe(200);
    expect(await status(app, LOGO)).toBe(200);
    expect((await caps(app)).body).toMatchObject({
      access_key_valid: true,
      access_key_required: false,
      preset_enabled: false,
    });
  });

  it('nocache=1 is ignored without a configured key: the cached poster answers', async () => {
    const url = '/poster?imdb_id=tt0245429&type=movie';
    expect((await app.get(url)).headers.get('x-cache')).toBe('MISS');
    for (const flag of ['nocache=1', 'nocache=true', 'nocache=yes&access_key=anything']) {
      const response = await app.get(`${url}&${flag}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache'), flag).toBe('HIT');
    }
  });
});
