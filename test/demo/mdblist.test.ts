import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { type AnyJson, fixture, getJson, jsonType, keys } from './helpers.ts';

let upstream: FakeUpstream;
let base: string;

beforeAll(async () => {
  upstream = await startFakeUpstream({ now: new Date('2026-11-28T12:00:00Z') });
  base = upstream.urls.mdblistApiBase;
});
afterAll(() => upstream.close());

const mdb = (path: string, query = '') =>
  getJson(`${base}${path}?apikey=test-key${query ? `&${query}` : ''}`);
const rating = (body: AnyJson, source: string) => body.ratings.find((r: AnyJson) => r.source === source);

describe('MDBList', () => {
  it('has the fields of the recorded new-API Jaws response (plus genres)', async () => {
    const recorded = fixture('mdblist/api_imdb_movie_tt0073195_jaws.json');
    const { status, body } = await mdb('/imdb/movie/tt0111161');
    expect(status).toBe(200);
    for (const key of Object.keys(recorded)) expect(body, key).toHaveProperty(key);
    expect(keys(body.ids)).toEqual(keys(recorded.ids));
    expect(body.ids).toMatchObject({ imdb: 'tt0111161', tmdb: 278, tvdb: null, mal: null });
    expect(body.type).toBe('movie');
    expect(body.genres).toEqual([
      { id: 18, title: 'drama' },
      { id: 80, title: 'crime' },
    ]);
    expect(body).toMatchObject({ certification: 'R', age_rating: 15, released: '1994-09-23', year: 1994 });
    expect(jsonType(body.released_digital)).toBe('string');
    for (const key of ['score', 'score_average', 'runtime', 'year'])
      expect(jsonType(body[key]), key).toBe('number');
  });

  it('rating items have the recorded fields and quirks', async () => {
    const recorded = fixture('mdblist/api_imdb_movie_tt0073195_jaws.json');
    const { body } = await mdb('/imdb/movie/tt0111161');
    const sources = body.ratings.map((r: AnyJson) => r.source);
    expect(sources).toEqual(recorded.ratings.map((r: AnyJson) => r.source).toSpliced(5, 0, 'popcorn'));
    for (const item of body.ratings) {
      const expected = keys(recorded.ratings[0]);
      const actual = keys(item).filter((k) => k !== 'fresh');
      expect(actual, item.source).toEqual(expected);
    }
    expect(jsonType(rating(body, 'imdb').url)).toBe('number');
    expect(rating(body, 'imdb')).toMatchObject({ value: 9.3, score: 93 });
    expect(rating(body, 'letterboxd')).toMatchObject({ value: 4.5, score: 90 });
    expect(rating(body, 'rogerebert')).toMatchObject({ value: 4, score: null });
    expect(rating(body, 'myanimelist')).toEqual({
      source: 'myanimelist',
      value: null,
      score: null,
      votes: null,
      url: null,
    });
    expect(rating(body, 'tomatoes').fresh).toBe(1);
    expect(rating(body, 'popcorn').votes).toBeGreaterThan(0);
  });

  it('marks missing ratings as value 0 with score null, and null for shows on letterboxd', async () => {
    const sinners = (await mdb('/imdb/movie/tt31193180')).body;
    expect(rating(sinners, 'metacriticuser')).toEqual({
      source: 'metacriticuser',
      value: 0,
      score: null,
      votes: null,
      url: null,
    });
    const breaking = (await mdb('/imdb/show/tt0903747')).body;
    expect(breaking.type).toBe('show');
    expect(breaking.ids.tvdb).toBe(81189);
    expect(rating(breaking, 'letterboxd')).toMatchObject({ value: null, score: null });
    expect(breaking.certification).toBe('TV-MA');
    expect(breaking.released_digital).toBeNull();
  });

  it('returns keywords only when appended', async () => {
    expect((await mdb('/imdb/movie/tt0068646')).body).not.toHaveProperty('keywords');
    const { body } = await mdb('/imdb/movie/tt0068646', 'append_to_response=keyword');
    expect(body.keywords.map((k: AnyJson) => k.name)).toContain('best-picture-winner');
    expect(keys(body.keywords[0])).toEqual(['id', 'name']);
    const parasite = (await mdb('/tmdb/movie/496243', 'append_to_response=keyword')).body;
    expect(parasite.keywords.map((k: AnyJson) => k.name)).toContain('festival-cannes-winner');
    const chernobyl = (await mdb('/imdb/show/tt7366338', 'append_to_response=keywords')).body;
    expect(chernobyl.keywords.map((k: AnyJson) => k.name)).toContain('based-on-true-story');
    const room = (await mdb('/imdb/movie/tt0368226', 'append_to_response=keyword')).body;
    expect(room.keywords.map((k: AnyJson) => k.name)).toContain('cult-film');
  });

  it('resolves by TMDB id, including the title TMDB has no IMDb link for', async () => {
    const { status, body } = await mdb('/tmdb/movie/515042');
    expect(status).toBe(200);
    expect(body.ids).toMatchObject({ tmdb: 515042, imdb: null });
    expect(body.poster).toBeNull();
    expect(body.backdrop).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tmdb-images\/t\/p\/w1280\//);
  });

  it('points poster URLs at the fake image CDN', async () => {
    const { body } = await mdb('/imdb/movie/tt1375666');
    const response = await fetch(body.poster);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    await response.arrayBuffer();
  });

  it('sends rate-limit headers that count down per key', async () => {
    const first = await getJson(`${base}/imdb/movie/tt0111161?apikey=quota-key`);
    const second = await getJson(`${base}/imdb/movie/tt0111161?apikey=quota-key`);
    expect(first.headers.get('x-ratelimit-limit')).toBe('10000');
    const a = Number(first.headers.get('x-ratelimit-remaining'));
    const b = Number(second.headers.get('x-ratelimit-remaining'));
    expect(b).toBe(a - 1);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.parse('2026-11-28') / 1000);
  });

  it('answers 401 without a key and 404 for unknown, mistyped or malformed ids', async () => {
    const missing = await getJson(`${base}/imdb/movie/tt0111161`);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: 'Invalid API key!' });
    expect((await getJson(`${base}/imdb/movie/tt0111161?apikey=invalid`)).status).toBe(401);
    for (const path of [
      '/imdb/movie/tt9999999',
      '/imdb/show/tt0111161',
      '/imdb/movie/278',
      '/tmdb/show/278',
      '/trakt/movie/1',
      '/imdb/episode/tt0111161',
      '/imdb/movie/tt0111161/extra',
    ]) {
      const { status, body } = await mdb(path);
      expect(status, path).toBe(404);
      expect(body).toEqual({ error: 'Not found' });
    }
  });
});
