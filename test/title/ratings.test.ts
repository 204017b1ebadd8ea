import { describe, expect, it } from 'vitest';
import { formatWeights, parseWeights, WEIGHT_SOURCES } from '../../src/poster/params/weights.ts';
import { aggregateRatings, DEFAULT_MOVIE_WEIGHTS } from '../../src/title/ratings.ts';
import {
  type NormalisedRating,
  normaliseMdbRating,
  parseMdbList,
} from '../../src/upstream/mdblistSchemas.ts';
import { fixture, fixtureNames } from '../helpers/fixtures.ts';

const rating = (
  source: NormalisedRating['source'],
  score: number,
  votes: number | null = 1000,
): NormalisedRating => ({
  source,
  score,
  value: null,
  scale: 100,
  votes,
});

describe('normaliseMdbRating (quirk 9)', () => {
  it.each([
    // score wins when present
    [{ source: 'imdb', value: 8.1, score: 81, votes: 673852, url: 99 }, 'imdb', 81],
    [{ source: 'metacritic', value: 87, score: 87, votes: 21, url: '/jaws' }, 'metacritic', 87],
    [{ source: 'tomatoes', value: 87, score: 87, votes: 363, fresh: 1 }, 'tomatoes', 87],
    [{ source: 'letterboxd', value: 8, score: 80, votes: 876082 }, 'letterboxd', 80],
    [{ source: 'letterboxd', value: 2.7, score: 54, votes: 35890 }, 'letterboxd', 54],
    [{ source: 'tomatoesaudience', value: 38, score: 38, votes: 299869 }, 'popcorn', 38],
    [{ source: 'tomatoes', value: 0, score: 0, votes: 40 }, 'tomatoes', 0],
    // value on the source's own scale when score is absent
    [{ source: 'rogerebert', value: 4, score: null, votes: null }, 'rogerebert', 100],
    [{ source: 'rogerebert', value: 3, score: null }, 'rogerebert', 75],
    [{ source: 'imdb', value: 7.3 }, 'imdb', 73],
    [{ source: 'imdb', value: '7.3' }, 'imdb', 73],
    [{ source: 'metacriticuser', value: 6.5 }, 'metacriticuser', 65],
    [{ source: 'myanimelist', value: 8.62 }, 'myanimelist', 86.2],
    [{ source: 'tmdb', value: 76 }, 'tmdb', 76],
    [{ source: 'trakt', value: 78, score: null }, 'trakt', 78],
    [{ source: 'letterboxd', value: 4.3 }, 'letterboxd', 86],
    [{ source: 'letterboxd', value: 8 }, 'letterboxd', 80],
    [{ source: 'IMDB', score: 81 }, 'imdb', 81],
  ])('%j → %s %d', (item, source, score) => {
    expect(normaliseMdbRating(item)).toMatchObject({ source, score });
  });

  it.each([
    ['value 0 with score null = missing', { source: 'metacriticuser', value: 0, score: null, votes: null }],
    [
      'letterboxd value 0 score null',
      { source: 'letterboxd', value: 0, score: null, votes: null, url: null },
    ],
    ['all null', { source: 'myanimelist', value: null, score: null, votes: null, url: null }],
    ['no value or score fields', { source: 'rogerebert', value: null, url: null }],
    ['only an id', { source: 'myanimelist', value: null, votes: null, id: null }],
    ['unknown source', { source: 'rottenpotatoes', score: 50 }],
    ['score above 100', { source: 'trakt', score: 101 }],
    ['value above its scale', { source: 'imdb', value: 11 }],
    ['negative', { source: 'imdb', value: -1 }],
    ['NaN string', { source: 'imdb', value: 'NaN' }],
    ['hex string', { source: 'imdb', value: '0x10' }],
    ['source not a string', { source: 5, score: 50 }],
    ['not an object', 'imdb'],
    ['null', null],
    ['array', [1, 2]],
  ])('%s → null', (_name, item) => {
    expect(normaliseMdbRating(item)).toBeNull();
  });

  it.each([
    [{ source: 'letterboxd', value: 8, score: 80 }, 10],
    [{ source: 'letterboxd', value: 4.3, score: 86 }, 5],
    [{ source: 'letterboxd', value: 2.7, score: 54 }, 5],
    [{ source: 'imdb', value: 8.1, score: 81 }, 10],
    [{ source: 'rogerebert', value: 4 }, 4],
  ])('native scale of %j is %d', (item, scale) => {
    expect(normaliseMdbRating(item)?.scale).toBe(scale);
  });

  it.each([
    [{ source: 'imdb', score: 81, votes: 5 }, 5],
    [{ source: 'imdb', score: 81, vote_count: '12' }, 12],
    [{ source: 'imdb', score: 81, count: 7 }, 7],
    [{ source: 'imdb', score: 81 }, null],
    [{ source: 'imdb', score: 81, votes: 'many' }, null],
  ])('votes of %j = %s', (item, votes) => {
    expect(normaliseMdbRating(item)?.votes).toBe(votes);
  });
});

describe('parseMdbList on every recorded body', () => {
  // Expected normalised ratings per fixture: the tests fail if any quirk handling regresses.
  const expected: Record<string, Record<string, number>> = {
    'api_imdb_movie_tt0073195_jaws.json': {
      imdb: 81,
      metacritic: 87,
      trakt: 78,
      tomatoes: 97,
      tmdb: 76,
      letterboxd: 80,
      rogerebert: 100,
    },
    'api_imdb_movie_tt1375666_inception_trimmed.json': {
      imdb: 88,
      metacritic: 74,
      trakt: 87,
      tomatoes: 87,
      popcorn: 91,
      tmdb: 83,
      letterboxd: 84,
    },
    'api_show_fallout_ratings_only_trimmed.json': { imdb: 83, tomatoes: 94, popcorn: 96 },
    'api_tmdb_movie_550_fight_club_append_recommendations_trimmed.json': {
      imdb: 88,
      metacritic: 67,
      tomatoes: 81,
      popcorn: 96,
      letterboxd: 86,
    },
    'legacy_api_i_tt0077766_jaws2.json': {
      imdb: 58,
      metacritic: 51,
      trakt: 64,
      tomatoes: 61,
      popcorn: 38,
      tmdb: 59,
      letterboxd: 54,
    },
    'legacy_api_show_succession_ratings_only_trimmed.json': { tomatoes: 95, popcorn: 88 },
  };

  it('covers every file in the fixture folder', () => {
    expect(fixtureNames('mdblist').sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (name, ratings) => {
    const parsed = parseMdbList(fixture(`mdblist/${name}`));
    expect(parsed.ok).toBe(true);
    expect(Object.fromEntries(parsed.ratings.map((r) => [r.source, r.score]))).toEqual(ratings);
  });

  it.each([
    [
      'api_imdb_movie_tt0073195_jaws.json',
      {
        ids: { imdb: 'tt0073195', tmdb: 578, trakt: 457, tvdb: null, mal: null },
        mediaType: 'movie',
        year: 1975,
        released: '1975-06-20',
        releasedDigital: '1997-11-01',
        certification: 'PG',
        ageRating: 13,
        commonsense: true,
        runtime: 124,
      },
    ],
    [
      'legacy_api_i_tt0077766_jaws2.json',
      {
        ids: { imdb: 'tt0077766', tmdb: 579, trakt: 458, tvdb: null, mal: null },
        mediaType: 'movie',
        year: 1978,
        released: '1978-06-16',
        releasedDigital: null,
        certification: 'PG',
        commonsense: 11,
        runtime: 116,
      },
    ],
    [
      'api_tmdb_movie_550_fight_club_append_recommendations_trimmed.json',
      {
        ids: { imdb: 'tt0137523', tmdb: 550, trakt: 432, tvdb: 247, mal: null },
        certification: 'R',
        year: 1999,
      },
    ],
    ['api_show_fallout_ratings_only_trimmed.json', { certification: null, mediaType: null, keywords: [] }],
  ])('%s fields', (name, fields) => {
    expect(parseMdbList(fixture(`mdblist/${name}`))).toMatchObject(fields);
  });

  it('reads the legacy keyword list as unique lower-case slugs (367 entries, 352 distinct)', () => {
    const parsed = parseMdbList(fixture('mdblist/legacy_api_i_tt0077766_jaws2.json'));
    expect(parsed.keywords).toHaveLength(352);
    expect(parsed.keywords).toContain('shark-attack');
  });
});

describe('parseMdbList on hostile bodies', () => {
  it.each([
    ['null', null],
    ['a string', 'oops'],
    ['a number', 42],
    ['an array', [{ source: 'imdb', score: 80 }]],
    ['legacy error body', { response: false, error: 'Invalid API key!' }],
  ])('%s → ok:false, empty', (_name, body) => {
    const parsed = parseMdbList(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ratings).toEqual([]);
    expect(parsed.keywords).toEqual([]);
  });

  it.each([
    ['ratings not an array', { ratings: 'lots' }, []],
    ['ratings items garbage', { ratings: [null, 1, 'x', { source: 'imdb', score: 70 }] }, [['imdb', 70]]],
    [
      'duplicate source keeps the first',
      {
        ratings: [
          { source: 'imdb', score: 70 },
          { source: 'imdb', score: 10 },
        ],
      },
      [['imdb', 70]],
    ],
    [
      'prototype keys are just unknown sources',
      {
        ratings: [
          { source: '__proto__', score: 70 },
          { source: 'constructor', score: 1 },
        ],
      },
      [],
    ],
  ])('%s', (_name, body, expected) => {
    const parsed = parseMdbList(body);
    expect(parsed.ok).toBe(true);
    expect(parsed.ratings.map((r) => [r.source, r.score])).toEqual(expected);
  });

  it('tolerates wrong-typed fields without losing the rest', () => {
    const parsed = parseMdbList({
      title: 7,
      year: 'soon',
      ids: 'nope',
      imdbid: 'tt123',
      certification: { r: 1 },
      commonsense: 'yes',
      released: '2024-02-30',
      keywords: [{ name: 'Cult-Classic' }, 'based-on-true-story', { id: 1 }, 5],
      genres: [{ title: 'Horror' }, 'Drama', null],
      ratings: [{ source: 'trakt', score: 77, url: { x: 1 } }],
    });
    expect(parsed).toMatchObject({
      ok: true,
      title: null,
      year: null,
      ids: { imdb: 'tt123' },
      certification: null,
      commonsense: null,
      released: null,
      keywords: ['cult-classic', 'based-on-true-story'],
      genres: ['Horror', 'Drama'],
    });
    expect(parsed.ratings.map((r) => r.source)).toEqual(['trakt']);
  });

  it('caps very long lists', () => {
    const parsed = parseMdbList({ keywords: Array.from({ length: 10_000 }, (_, i) => `k${i}`) });
    expect(parsed.keywords.length).toBeLessThanOrEqual(2000);
  });
});

describe('parseWeights', () => {
  it.each([
    ['letterboxd:0.8,tomatoes:0.2', WEIGHT_SOURCES.movie, { letterboxd: 0.8, tomatoes: 0.2 }],
    [' Trakt : 0.5 , imdb:2 ', WEIGHT_SOURCES.tv, { trakt: 0.5, imdb: 1 }],
    ['imdb:-3', WEIGHT_SOURCES.movie, { imdb: 0 }],
    ['imdb:0.00', WEIGHT_SOURCES.movie, { imdb: 0 }],
    ['letterboxd:0.5,rogerebert:0.5', WEIGHT_SOURCES.tv, null],
    ['letterboxd:0.5,rogerebert:0.5,trakt:1', WEIGHT_SOURCES.tv, { trakt: 1 }],
    ['imdb:0.3,imdb:0.6', WEIGHT_SOURCES.movie, { imdb: 0.6 }],
    ['unknown:1,imdb:abc,trakt', WEIGHT_SOURCES.movie, null],
    ['imdb:1:2', WEIGHT_SOURCES.movie, null],
    ['__proto__:1', WEIGHT_SOURCES.movie, null],
    ['', WEIGHT_SOURCES.movie, null],
    [null, WEIGHT_SOURCES.movie, null],
    [undefined, WEIGHT_SOURCES.movie, null],
  ])('%j → %j', (raw, allowed, expected) => {
    expect(parseWeights(raw, allowed)).toEqual(expected);
  });

  it.each([
    [{ letterboxd: 0.8, tomatoes: 0.2 }, 'letterboxd:0.8,tomatoes:0.2'],
    [{ trakt: 0.8, imdb: 0 }, 'trakt:0.8'],
    [{ imdb: 0, trakt: 0 }, 'imdb:0'],
    [{}, ''],
  ])('formatWeights(%j) = %s and round-trips', (weights, text) => {
    expect(formatWeights(weights)).toBe(text);
    if (text !== '') {
      const back = parseWeights(text, WEIGHT_SOURCES.movie) ?? {};
      for (const [source, weight] of Object.entries(weights)) {
        if (weight > 0) expect(back[source as keyof typeof back]).toBe(weight);
      }
    }
  });
});

describe('aggregateRatings', () => {
  const jaws = parseMdbList(fixture('mdblist/api_imdb_movie_tt0073195_jaws.json')).ratings;
  const succession = parseMdbList(
    fixture('mdblist/legacy_api_show_succession_ratings_only_trimmed.json'),
  ).ratings;

  it.each([
    // default movie weights: letterboxd 0.8 + tomatoes 0.2 → 0.8·80 + 0.2·97 = 83.4
    ['Jaws, defaults', { mediaType: 'movie', mdblist: jaws }, 83, { letterboxd: 0.8, tomatoes: 0.2 }],
    // default TV weights: trakt missing → renormalised to tomatoes alone
    ['Succession, defaults, trakt missing', { mediaType: 'tv', mdblist: succession }, 95, { tomatoes: 1 }],
    [
      'request weights replace the defaults wholesale',
      { mediaType: 'movie', mdblist: jaws, requestWeights: { movie: { imdb: 1 } } },
      81,
      { imdb: 1 },
    ],
    [
      'renormalised over present sources with weight > 0',
      { mediaType: 'movie', mdblist: jaws, requestWeights: { movie: { imdb: 0.5, popcorn: 0.5, trakt: 0 } } },
      81,
      { imdb: 1 },
    ],
    [
      'three sources',
      {
        mediaType: 'movie',
        mdblist: jaws,
        requestWeights: { movie: { imdb: 0.5, metacritic: 0.25, trakt: 0.25 } },
      },
      82, // 0.5·81 + 0.25·87 + 0.25·78 = 81.75
      { imdb: 0.5, metacritic: 0.25, trakt: 0.25 },
    ],
    [
      'server defaults used when the request names none',
      { mediaType: 'movie', mdblist: jaws, serverWeights: { movie: { trakt: 1 } } },
      78,
      { trakt: 1 },
    ],
    [
      'request beats server defaults',
      {
        mediaType: 'movie',
        mdblist: jaws,
        serverWeights: { movie: { trakt: 1 } },
        requestWeights: { movie: { tmdb: 1 } },
      },
      76,
      { tmdb: 1 },
    ],
    [
      'tv request weights apply to tv only',
      { mediaType: 'tv', mdblist: succession, requestWeights: { movie: { popcorn: 1 } } },
      95,
      { tomatoes: 1 },
    ],
  ] as const)('%s → %d', (_name, input, score, weights) => {
    const result = aggregateRatings(input);
    expect(result.score).toBe(score);
    expect(result.weights).toEqual(weights);
  });

  it.each([
    ['no ratings at all', { mediaType: 'movie' }, null, null],
    [
      'all weights zero → N/A',
      { mediaType: 'movie', mdblist: jaws, requestWeights: { movie: { imdb: 0 } } },
      null,
      null,
    ],
    [
      'all weights zero + fallback_to_imdb → IMDb',
      { mediaType: 'movie', mdblist: jaws, requestWeights: { movie: { imdb: 0 } }, fallbackToImdb: true },
      81,
      'imdb',
    ],
    [
      'weighted sources missing + fallback_to_imdb → IMDb',
      { mediaType: 'movie', mdblist: [rating('imdb', 72)], fallbackToImdb: true },
      72,
      'imdb',
    ],
    [
      'fallback_to_imdb without an IMDb rating → N/A',
      { mediaType: 'movie', mdblist: [rating('trakt', 72)], fallbackToImdb: true },
      null,
      null,
    ],
    [
      'fallback_to_imdb does not fire when a weighted source scored',
      { mediaType: 'movie', mdblist: [rating('imdb', 10), rating('letterboxd', 90)], fallbackToImdb: true },
      90,
      null,
    ],
  ] as const)('%s', (_name, input, score, fallback) => {
    const result = aggregateRatings(input);
    expect(result.score).toBe(score);
    expect(result.fallback).toBe(fallback);
  });

  it.each([
    ['votes below the floor are dropped', [rating('letterboxd', 90, 9), rating('tomatoes', 60)], 10, 60],
    ['votes at the floor stay', [rating('letterboxd', 90, 10), rating('tomatoes', 60)], 10, 84],
    ['unknown votes stay', [rating('letterboxd', 90, null), rating('tomatoes', 60)], 10, 84],
    ['a custom floor', [rating('letterboxd', 90, 50), rating('tomatoes', 60)], 100, 60],
    ['floor 0 keeps everything', [rating('letterboxd', 90, 0), rating('tomatoes', 60)], 0, 84],
  ] as const)('%s', (_name, mdblist, minVotes, score) => {
    expect(aggregateRatings({ mediaType: 'movie', mdblist, minVotes }).score).toBe(score);
  });

  it('Roger Ebert is exempt from the vote floor', () => {
    const result = aggregateRatings({
      mediaType: 'movie',
      mdblist: [rating('rogerebert', 75, 1)],
      requestWeights: { movie: { rogerebert: 1 } },
    });
    expect(result.score).toBe(75);
  });

  it.each([
    ['mdblist ignores the dataset', 'mdblist', [rating('imdb', 81)], 81],
    ['dataset overrides MDBList', 'dataset', [rating('imdb', 81)], 74],
    ['fallback keeps MDBList when present', 'fallback', [rating('imdb', 81)], 81],
    ['fallback fills when MDBList has none', 'fallback', [], 74],
  ] as const)('IMDb dataset: %s', (_name, mode, mdblist, imdb) => {
    const result = aggregateRatings({
      mediaType: 'movie',
      mdblist,
      imdbDataset: { rating: 7.4, votes: 5000 },
      imdbRatingSource: mode,
      requestWeights: { movie: { imdb: 1 } },
    });
    expect(result.ratings.imdb).toBe(imdb);
    expect(result.score).toBe(imdb);
  });

  it('IMDb dataset rows below the vote floor are ignored', () => {
    const result = aggregateRatings({
      mediaType: 'movie',
      imdbDataset: { rating: 9.9, votes: 3 },
      imdbRatingSource: 'dataset',
    });
    expect(result.ratings.imdb).toBeUndefined();
  });

  it.each([
    [
      'mdblist ignores TMDB direct',
      'mdblist',
      [rating('tmdb', 76)],
      { voteAverage: 6.1, voteCount: 100 },
      76,
    ],
    ['direct overrides', 'direct', [rating('tmdb', 76)], { voteAverage: 6.1, voteCount: 100 }, 61],
    ['fallback keeps MDBList', 'fallback', [rating('tmdb', 76)], { voteAverage: 6.1, voteCount: 100 }, 76],
    ['fallback fills', 'fallback', [], { voteAverage: 6.1, voteCount: 100 }, 61],
    [
      'vote_count below the floor ignored',
      'direct',
      [rating('tmdb', 76)],
      { voteAverage: 6.1, voteCount: 9 },
      76,
    ],
    ['vote_average 0 ignored', 'fallback', [], { voteAverage: 0, voteCount: 500 }, undefined],
  ] as const)('TMDB merge: %s', (_name, mode, mdblist, direct, tmdb) => {
    const result = aggregateRatings({
      mediaType: 'movie',
      mdblist,
      tmdbDirect: direct,
      tmdbRatingSource: mode,
    });
    expect(result.ratings.tmdb).toBe(tmdb);
  });

  it.each([
    [
      'an anime source present picks the anime weight set',
      {
        mediaType: 'tv',
        mdblist: [rating('myanimelist', 86), rating('trakt', 70)],
        requestWeights: { animeTv: { myanimelist: 1 } },
      },
      'animeTv',
      86,
    ],
    [
      'anime request without anime weights falls back to the movie weights',
      { mediaType: 'movie', animeRequest: true, mdblist: [rating('letterboxd', 70)] },
      'animeMovie',
      70,
    ],
    [
      'anime request with nothing weighted uses the provider score',
      { mediaType: 'tv', animeRequest: true, animeScores: { anilist: 82 }, mdblist: [] },
      'animeTv',
      82,
    ],
    [
      'kitsu when AniList is absent',
      { mediaType: 'movie', animeRequest: true, animeScores: { kitsu: 77 } },
      'animeMovie',
      77,
    ],
    ['non-anime title', { mediaType: 'tv', mdblist: [rating('trakt', 70)] }, 'tv', 70],
  ] as const)('%s', (_name, input, weightSet, score) => {
    const result = aggregateRatings(input);
    expect(result.weightSet).toBe(weightSet);
    expect(result.score).toBe(score);
  });

  it('reports every usable source, not only weighted ones', () => {
    const result = aggregateRatings({ mediaType: 'movie', mdblist: jaws });
    expect(Object.keys(result.ratings).sort()).toEqual(
      ['imdb', 'letterboxd', 'metacritic', 'rogerebert', 'tmdb', 'tomatoes', 'trakt'].sort(),
    );
    expect(DEFAULT_MOVIE_WEIGHTS).toEqual({ letterboxd: 0.8, tomatoes: 0.2 });
  });
});
