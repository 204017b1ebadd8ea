import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { type AnyJson, fixture, getJson, jsonType, keys, typeMap } from './helpers.ts';

let upstream: FakeUpstream;
let api: string;
const KEY = 'api_key=test-key';

beforeAll(async () => {
  upstream = await startFakeUpstream({ now: new Date('2026-11-28T12:00:00Z') });
  api = upstream.urls.tmdbApiBase;
});
afterAll(() => upstream.close());

const tmdb = (path: string, query = '') => getJson(`${api}${path}?${KEY}${query ? `&${query}` : ''}`);

describe('TMDB auth and errors', () => {
  it('answers 401 with TMDB status_code 7 without a key', async () => {
    const { status, body } = await getJson(`${api}/movie/278`);
    expect(status).toBe(401);
    expect(body).toEqual({
      status_code: 7,
      status_message: 'Invalid API key: You must be granted a valid key.',
      success: false,
    });
  });

  it('accepts a v4 bearer token instead of api_key', async () => {
    const { status } = await getJson(`${api}/movie/278`, {
      headers: { authorization: 'Bearer some.jwt.token' },
    });
    expect(status).toBe(200);
  });

  it('rejects an empty key and the literal "invalid"', async () => {
    expect((await getJson(`${api}/movie/278?api_key=`)).status).toBe(401);
    expect((await getJson(`${api}/movie/278?api_key=invalid`)).status).toBe(401);
  });

  it('answers 404 with TMDB status_code 34 for unknown ids and paths', async () => {
    for (const path of ['/movie/999999999', '/tv/278', '/movie/abc', '/movie/278/nonsense', '/nope']) {
      const { status, body } = await tmdb(path);
      expect(status, path).toBe(404);
      expect(body).toEqual({
        success: false,
        status_code: 34,
        status_message: 'The resource you requested could not be found.',
      });
    }
  });

  it('answers 400 for bad pages and oversized queries, never 5xx', async () => {
    expect((await tmdb('/trending/movie/day', 'page=0')).status).toBe(400);
    expect((await tmdb('/trending/movie/day', 'page=abc')).status).toBe(400);
    expect((await tmdb('/search/multi', `query=${'x'.repeat(600)}`)).status).toBe(400);
    expect((await tmdb('/find/tt0111161', 'external_source=bogus')).status).toBe(400);
  });
});

describe('TMDB details', () => {
  it('/movie/{id} has exactly the field set and types of the recorded Fight Club details', async () => {
    const recorded = fixture('tmdb/movie_550_details_fight_club.json');
    const { status, body } = await tmdb('/movie/278');
    expect(status).toBe(200);
    expect(keys(body)).toEqual(keys(recorded));
    expect(typeMap(body)).toEqual(typeMap(recorded));
    expect(keys(body.genres[0])).toEqual(keys(recorded.genres[0]));
    expect(keys(body.production_companies[0])).toEqual(keys(recorded.production_companies[0]));
    expect(keys(body.production_countries[0])).toEqual(keys(recorded.production_countries[0]));
    expect(keys(body.spoken_languages[0])).toEqual(keys(recorded.spoken_languages[0]));
    expect(body).toMatchObject({ id: 278, imdb_id: 'tt0111161', title: 'The Shawshank Redemption' });
  });

  it('/tv/{id} has the field set and types of the recorded Game of Thrones details', async () => {
    const recorded = fixture('tmdb/tv_1399_details_game_of_thrones.json');
    const { body } = await tmdb('/tv/1399');
    expect(keys(body)).toEqual(keys(recorded));
    expect(typeMap(body)).toEqual(typeMap(recorded));
    expect(keys(body.seasons[1])).toEqual(keys(recorded.seasons[1]));
    expect(keys(body.last_episode_to_air)).toEqual(keys(recorded.last_episode_to_air));
    expect(keys(body.networks[0])).toEqual(keys(recorded.networks[0]));
    expect(keys(body.created_by[0])).toEqual(keys(recorded.created_by[0]));
    expect(body).toMatchObject({ id: 1399, name: 'Game of Thrones', number_of_seasons: 8, status: 'Ended' });
    expect(body.seasons[0].name).toBe('Specials');
  });

  it('keeps the recorded quirks: logo_path null, origin_country "", empty homepage/overview', async () => {
    const got = (await tmdb('/tv/1399')).body;
    expect(got.production_companies.some((c: AnyJson) => c.logo_path === null)).toBe(true);
    expect(got.production_companies.some((c: AnyJson) => c.origin_country === '')).toBe(true);
    const jetee = (await tmdb('/movie/662')).body;
    expect(jetee).toMatchObject({
      overview: '',
      homepage: '',
      tagline: '',
      poster_path: null,
      backdrop_path: null,
    });
    const breaking = (await tmdb('/tv/1396')).body;
    expect(breaking.seasons[0]).toMatchObject({ season_number: 0, poster_path: null });
  });

  it('serves Parasite as a Korean original', async () => {
    const { body } = await tmdb('/movie/496243');
    expect(body).toMatchObject({ original_language: 'ko', original_title: '기생충', imdb_id: 'tt6751668' });
    expect(body.spoken_languages.map((l: AnyJson) => l.name)).toContain('한국어/조선말');
  });

  it('models the returning series with a next episode relative to the clock', async () => {
    const { body } = await tmdb('/tv/95396');
    expect(body.status).toBe('Returning Series');
    expect(body.next_episode_to_air).toMatchObject({
      season_number: 3,
      episode_number: 1,
      air_date: '2026-12-04',
    });
    expect(keys(body.next_episode_to_air)).toEqual(keys(body.last_episode_to_air));
  });

  it('appends images, credits, external_ids, release_dates and keywords (movie)', async () => {
    const { body } = await tmdb(
      '/movie/27205',
      'append_to_response=images,credits,external_ids,release_dates,keywords,videos',
    );
    expect(keys(body.images)).toEqual(['backdrops', 'logos', 'posters']);
    expect(keys(body.credits)).toEqual(['cast', 'crew']);
    expect(body.credits.crew.find((c: AnyJson) => c.job === 'Director')?.name).toBe('Christopher Nolan');
    expect(body.external_ids.imdb_id).toBe('tt1375666');
    expect(keys(body.release_dates)).toEqual(['results']);
    expect(body.keywords.keywords.length).toBeGreaterThan(0);
    expect(body.videos).toBeUndefined();
  });

  it('appends content_ratings and tv keywords (results) for series', async () => {
    const { body } = await tmdb(
      '/tv/1396',
      'append_to_response=content_ratings,keywords,external_ids,release_dates',
    );
    expect(body.content_ratings.results.find((r: AnyJson) => r.iso_3166_1 === 'US')?.rating).toBe('TV-MA');
    expect(Array.isArray(body.keywords.results)).toBe(true);
    expect(body.external_ids).toMatchObject({ imdb_id: 'tt0903747', tvdb_id: 81189 });
    expect(body.release_dates).toBeUndefined();
  });

  it('credits items carry the recorded cast and crew fields', async () => {
    const recorded = fixture('tmdb/tv_96677_details_lupin_fr.json').credits;
    const { body } = await tmdb('/movie/238/credits');
    expect(body.id).toBe(238);
    expect(keys(body.cast[0])).toEqual(keys(recorded.cast[0]));
    expect(keys(body.crew[0])).toEqual(keys(recorded.crew[0]));
    expect(body.crew.some((c: AnyJson) => c.job === 'Director')).toBe(true);
  });

  it('external_ids carry the recorded fields (plus wikidata_id)', async () => {
    const recorded = fixture('tmdb/tv_96677_details_lupin_fr.json').external_ids;
    const { body } = await tmdb('/tv/1399/external_ids');
    for (const key of Object.keys(recorded)) expect(body).toHaveProperty(key);
    expect(body).toMatchObject({ id: 1399, imdb_id: 'tt0944947', tvdb_id: 121361 });
    const movie = (await tmdb('/movie/278/external_ids')).body;
    expect(movie).toMatchObject({ id: 278, imdb_id: 'tt0111161' });
  });

  it('a title without an IMDb link has imdb_id null', async () => {
    const { body } = await tmdb('/movie/515042', 'append_to_response=external_ids');
    expect(body.imdb_id).toBeNull();
    expect(body.external_ids.imdb_id).toBeNull();
  });
});

describe('TMDB images', () => {
  it('item fields match the recorded Fight Club images for posters, backdrops and logos', async () => {
    const recorded = fixture('tmdb/movie_550_images_fight_club.json');
    const { body } = await tmdb('/movie/278/images');
    expect(keys(body)).toEqual(keys(recorded));
    for (const kind of ['posters', 'backdrops', 'logos']) {
      expect(body[kind].length, kind).toBeGreaterThan(0);
      expect(keys(body[kind][0])).toEqual(keys(recorded[kind][0]));
      expect(typeMap({ ...body[kind][0], iso_639_1: 'x' })).toEqual(
        typeMap({ ...recorded[kind][0], iso_639_1: 'x' }),
      );
    }
    expect(body.posters.some((p: AnyJson) => p.iso_639_1 === null)).toBe(true);
    expect(body.posters.some((p: AnyJson) => p.vote_average === 0)).toBe(true);
  });

  it('honours include_image_language (with null) and language', async () => {
    const all = (await tmdb('/movie/278/images')).body;
    const filtered = (await tmdb('/movie/278/images', 'include_image_language=en,null')).body;
    const languages = new Set(
      [...filtered.posters, ...filtered.backdrops, ...filtered.logos].map((i: AnyJson) => i.iso_639_1),
    );
    expect([...languages].sort()).toEqual(['en', null].sort());
    expect(filtered.posters.length).toBeLessThan(all.posters.length);
    const french = (await tmdb('/movie/278/images', 'language=fr-FR')).body;
    expect(french.logos.map((l: AnyJson) => l.iso_639_1)).toEqual(['fr']);
    const appended = (await tmdb('/movie/278', 'append_to_response=images&include_image_language=de')).body;
    expect(appended.images.logos.map((l: AnyJson) => l.iso_639_1)).toEqual(['de']);
  });

  it('covers the art edge cases: no textless poster, backdrop only, no art, logos [], no logos key', async () => {
    const godfather = (await tmdb('/movie/238/images')).body;
    expect(godfather.posters.length).toBeGreaterThan(0);
    expect(godfather.posters.every((p: AnyJson) => p.iso_639_1 !== null)).toBe(true);
    expect(godfather.backdrops.some((b: AnyJson) => b.iso_639_1 === null)).toBe(true);

    const freeSolo = (await tmdb('/movie/515042/images')).body;
    expect(freeSolo.posters).toEqual([]);
    expect(freeSolo.backdrops.length).toBeGreaterThan(0);
    expect(freeSolo.logos).toEqual([]);
    expect((await tmdb('/movie/515042')).body.poster_path).toBeNull();

    const jetee = (await tmdb('/movie/662/images')).body;
    expect(jetee).toEqual({ backdrops: [], id: 662, logos: [], posters: [] });

    const room = (await tmdb('/movie/17473/images')).body;
    expect(room).not.toHaveProperty('logos');
    expect(keys(room)).toEqual(keys(fixture('tmdb/movie_8681_images_taken_2017_no_logos_key.json')));
  });

  it('tv images work too', async () => {
    const { body } = await tmdb('/tv/1396/images');
    expect(body.id).toBe(1396);
    expect(body.logos.length).toBeGreaterThan(0);
  });
});

describe('TMDB release dates and content ratings', () => {
  it('release_dates has the recorded shape, with US theatrical and digital certified entries', async () => {
    const recorded = fixture('tmdb/movie_550_release_dates.json');
    const { body } = await tmdb('/movie/278/release_dates');
    expect(keys(body)).toEqual(keys(recorded));
    expect(keys(body.results[0])).toEqual(keys(recorded.results[0]));
    const recordedEntry = recorded.results[0].release_dates[0];
    expect(keys(body.results[0].release_dates[0])).toEqual(keys(recordedEntry));
    expect(typeMap(body.results[0].release_dates[0])).toEqual(typeMap(recordedEntry));
    const us = body.results.find((r: AnyJson) => r.iso_3166_1 === 'US').release_dates;
    expect(us.find((r: AnyJson) => r.type === 3).certification).toBe('R');
    expect(us.some((r: AnyJson) => r.type === 4)).toBe(true);
    expect(
      body.results.some((r: AnyJson) => r.release_dates.some((d: AnyJson) => d.certification === '')),
    ).toBe(true);
  });

  it('the in-cinemas title has a theatrical date before the clock and a digital one after it', async () => {
    const { body } = await tmdb('/movie/687163/release_dates');
    const us = body.results.find((r: AnyJson) => r.iso_3166_1 === 'US').release_dates;
    expect(us.find((r: AnyJson) => r.type === 3).release_date).toBe('2026-11-16T00:00:00.000Z');
    expect(us.find((r: AnyJson) => r.type === 4).release_date).toBe('2027-01-12T00:00:00.000Z');
  });

  it('content_ratings has the recorded shape', async () => {
    const recorded = fixture('tmdb/tv_1399_content_ratings.json');
    const { body } = await tmdb('/tv/1399/content_ratings');
    expect(keys(body)).toEqual(keys(recorded));
    expect(keys(body.results[0])).toEqual(keys(recorded.results[0]));
    expect(body.results.find((r: AnyJson) => r.iso_3166_1 === 'US').rating).toBe('TV-MA');
  });
});

describe('TMDB find', () => {
  it('resolves the required IMDb ids into the right bucket', async () => {
    const expected: [string, 'movie_results' | 'tv_results', number][] = [
      ['tt0111161', 'movie_results', 278],
      ['tt0068646', 'movie_results', 238],
      ['tt1375666', 'movie_results', 27205],
      ['tt6751668', 'movie_results', 496243],
      ['tt0903747', 'tv_results', 1396],
      ['tt0944947', 'tv_results', 1399],
    ];
    for (const [imdb, bucket, id] of expected) {
      const { body } = await tmdb(`/find/${imdb}`, 'external_source=imdb_id');
      expect(
        body[bucket].map((r: AnyJson) => r.id),
        imdb,
      ).toEqual([id]);
      const other = bucket === 'movie_results' ? 'tv_results' : 'movie_results';
      expect(body[other]).toEqual([]);
    }
  });

  it('has the recorded top-level buckets and result fields', async () => {
    const movieFixture = fixture('tmdb/find_imdb_movie_tt31193180_sinners.json');
    const tvFixture = fixture('tmdb/find_imdb_tv_breaking_bad.json');
    const movie = (await tmdb('/find/tt31193180', 'external_source=imdb_id')).body;
    expect(keys(movie)).toEqual(keys(movieFixture));
    expect(keys(movie.movie_results[0])).toEqual(keys(movieFixture.movie_results[0]));
    expect(typeMap(movie.movie_results[0])).toEqual(typeMap(movieFixture.movie_results[0]));
    const tv = (await tmdb('/find/tt0903747', 'external_source=imdb_id')).body;
    expect(keys(tv.tv_results[0])).toEqual(keys(tvFixture.tv_results[0]));
    expect(typeMap(tv.tv_results[0])).toEqual(typeMap(tvFixture.tv_results[0]));
  });

  it('resolves tvdb ids, including the episode collision, and omits media_type on the old-shape title', async () => {
    const breaking = (await tmdb('/find/81189', 'external_source=tvdb_id')).body;
    expect(breaking.tv_results.map((r: AnyJson) => r.id)).toEqual([1396]);
    const thrones = (await tmdb('/find/121361', 'external_source=tvdb_id')).body;
    expect(thrones.tv_results.map((r: AnyJson) => r.id)).toEqual([1399]);
    expect(thrones.tv_episode_results).toHaveLength(1);
    const recordedEpisode = fixture('tmdb/find_tvdb_72023_deadwood_plus_episode_collision.json')
      .tv_episode_results[0];
    expect(keys(thrones.tv_episode_results[0])).toEqual(keys(recordedEpisode));
    const jetee = (await tmdb('/find/tt0056119', 'external_source=imdb_id')).body;
    expect(jetee.movie_results[0].id).toBe(662);
    expect(jetee.movie_results[0]).not.toHaveProperty('media_type');
  });

  it('returns empty buckets for unknown or malformed ids and hidden IMDb links', async () => {
    for (const id of ['tt9999999', 'nm0000001', 'tt0111161x', 'tt7775622']) {
      const { status, body } = await tmdb(`/find/${id}`, 'external_source=imdb_id');
      expect(status).toBe(200);
      expect(body.movie_results).toEqual([]);
      expect(body.tv_results).toEqual([]);
    }
  });
});

describe('TMDB trending, search and lists', () => {
  it('trending items have the recorded fields for movies and tv', async () => {
    const movieFixture = fixture('tmdb/trending_movie_ceg.json');
    const tvFixture = fixture('tmdb/trending_tv_ceg.json');
    const movies = (await tmdb('/trending/movie/day')).body;
    expect(keys(movies)).toEqual(keys(movieFixture));
    expect(keys(movies.results[0])).toEqual(keys(movieFixture.results[0]));
    expect(typeMap(movies.results[0])).toEqual(typeMap(movieFixture.results[0]));
    expect(movies.results[0].id).toBe(1233413);
    const shows = (await tmdb('/trending/tv/week')).body;
    expect(keys(shows.results[0])).toEqual(keys(tvFixture.results[0]));
    expect(typeMap(shows.results[0])).toEqual(typeMap(tvFixture.results[0]));
    expect(shows.results[0].id).toBe(95396);
  });

  it('trending/all interleaves movies and shows; page 2 is empty', async () => {
    const all = (await tmdb('/trending/all/day')).body;
    expect(new Set(all.results.map((r: AnyJson) => r.media_type))).toEqual(new Set(['movie', 'tv']));
    expect(all.total_results).toBe(all.results.length);
    expect((await tmdb('/trending/all/day', 'page=2')).body.results).toEqual([]);
    expect((await tmdb('/trending/movie/month')).status).toBe(404);
  });

  it('search/multi matches case-insensitively (accents folded) with the recorded item fields', async () => {
    const recorded = fixture('tmdb/search_multi_game_of_thrones.json');
    const recordedTv = recorded.results.find((r: AnyJson) => r.media_type === 'tv');
    const recordedMovie = recorded.results.find((r: AnyJson) => r.media_type === 'movie');
    const thrones = (await tmdb('/search/multi', 'query=game%20OF%20thrones')).body;
    expect(keys(thrones)).toEqual(keys(recorded));
    expect(thrones.results.map((r: AnyJson) => r.id)).toEqual([1399]);
    expect(keys(thrones.results[0])).toEqual(keys(recordedTv));
    const the = (await tmdb('/search/multi', 'query=the')).body;
    const movie = the.results.find((r: AnyJson) => r.media_type === 'movie');
    expect(keys(movie)).toEqual(keys(recordedMovie));
    expect(the.results.length).toBeLessThanOrEqual(20);
    expect(the.results.length).toBeGreaterThan(2);
    const jetee = (await tmdb('/search/multi', 'query=JETEE')).body;
    expect(jetee.results.map((r: AnyJson) => r.id)).toEqual([662]);
    const korean = (await tmdb('/search/multi', `query=${encodeURIComponent('기생')}`)).body;
    expect(korean.results.map((r: AnyJson) => r.id)).toEqual([496243]);
    const none = (await tmdb('/search/multi', 'query=')).body;
    expect(none).toEqual({ page: 1, results: [], total_pages: 1, total_results: 0 });
  });

  it('serves the warm-up lists (now_playing holds the in-cinemas title)', async () => {
    const nowPlaying = (await tmdb('/movie/now_playing')).body;
    expect(nowPlaying.results.map((r: AnyJson) => r.id)).toContain(687163);
    expect(keys(nowPlaying.dates)).toEqual(['maximum', 'minimum']);
    const popular = (await tmdb('/tv/popular')).body;
    expect(popular.results.length).toBeGreaterThan(0);
    expect(popular.results.every((r: AnyJson) => jsonType(r.name) === 'string')).toBe(true);
    const onTheAir = (await tmdb('/tv/on_the_air')).body;
    expect(onTheAir.results.map((r: AnyJson) => r.id)).toEqual([95396]);
  });

  it('configuration points the image base at the fake', async () => {
    const { body } = await tmdb('/configuration');
    expect(body.images.secure_base_url).toBe(`${upstream.urls.tmdbImageBase}/`);
  });

  it('every list and detail image path is served by the image route', async () => {
    const details = (await tmdb('/movie/278', 'append_to_response=images')).body;
    const paths = [
      details.poster_path,
      details.backdrop_path,
      details.images.logos[0].file_path,
      details.production_companies[0].logo_path,
    ];
    for (const path of paths) {
      const response = await fetch(`${upstream.urls.tmdbImageBase}/w92${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
  });
});
