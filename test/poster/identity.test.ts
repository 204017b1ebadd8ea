import { describe, expect, it } from 'vitest';
import { parseIdentity, parseShape, parseStremioId, presentValue } from '../../src/poster/identity.ts';

describe('presentValue', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['{imdb_id}', undefined],
    ['{tmdb_id?}', undefined],
    [' {shape} ', undefined],
    ['%7Bimdb_id%7D', undefined],
    ['%7Btmdb_id%3F%7D', undefined],
    [['tt1', 'tt2'], 'tt1'],
    ['tt0111161', 'tt0111161'],
    ['%7Bbroken', '%7Bbroken'],
  ])('%j → %j', (raw, expected) => {
    expect(presentValue(raw)).toBe(expected);
  });
});

describe('parseStremioId', () => {
  it.each([
    ['tt0111161', { imdbId: 'tt0111161' }],
    ['tt0903747:1:2', { imdbId: 'tt0903747' }],
    ['tmdb:1396', { tmdbId: '1396' }],
    ['tmdb:tv:1399', { tmdbId: '1399', mediaType: 'tv' }],
    ['tmdb:movie:550', { tmdbId: '550', mediaType: 'movie' }],
    ['tvdb:81189', { tvdbId: '81189', mediaType: 'tv' }],
    ['kitsu:7442', { anime: 'kitsu' }],
    ['mal:1535', { anime: 'mal' }],
    ['tmdb:person:1', null],
    ['tmdb:abc', null],
    ['yt_id:UC1', null],
  ])('%s', (id, expected) => {
    expect(parseStremioId(id)).toEqual(expected);
  });
});

describe('parseIdentity', () => {
  it.each([
    [
      'imdb only',
      { imdb_id: 'tt0111161', type: 'movie' },
      { imdbId: 'tt0111161', tmdbId: null, mediaType: 'movie' },
    ],
    ['imdb only, no type', { imdb_id: 'tt0111161' }, { imdbId: 'tt0111161', mediaType: null }],
    ['tmdb + series', { tmdb_id: '1396', type: 'series' }, { tmdbId: '1396', mediaType: 'tv' }],
    ['tmdb + tv', { tmdb_id: '1396', type: 'TV' }, { tmdbId: '1396', mediaType: 'tv' }],
    [
      'AIOMetadata Default template (literal optional placeholders)',
      {
        tmdb_id: '{tmdb_id?}',
        imdb_id: '{imdb_id?}',
        stremio_id: 'tt0903747',
        type: 'series',
        shape: '{shape}',
      },
      { imdbId: 'tt0903747', tmdbId: null, mediaType: 'tv' },
    ],
    [
      'Nuvio Default template (empty optional values)',
      { tmdb_id: '', imdb_id: 'tt0903747', stremio_id: 'tt0903747', type: 'series', shape: 'poster' },
      { imdbId: 'tt0903747', tmdbId: null, mediaType: 'tv' },
    ],
    [
      'encoded placeholders',
      { tmdb_id: '%7Btmdb_id%3F%7D', imdb_id: 'tt0111161' },
      { imdbId: 'tt0111161', tmdbId: null },
    ],
    [
      'stremio tmdb id with literal split ids',
      { tmdb_id: '{tmdb_id?}', imdb_id: '{imdb_id?}', stremio_id: 'tmdb:1396', type: 'series' },
      { tmdbId: '1396', mediaType: 'tv' },
    ],
    [
      'stremio tmdb:tv:N, type anime',
      { stremio_id: 'tmdb:tv:1399', type: 'anime' },
      { tmdbId: '1399', mediaType: 'tv' },
    ],
    [
      'stremio tvdb',
      { stremio_id: 'tvdb:81189', type: '{type}' },
      { tvdbId: '81189', mediaType: 'tv', tmdbId: null },
    ],
    ['Nuvio tv:1399 in tmdb_id', { tmdb_id: 'tv:1399' }, { tmdbId: '1399', mediaType: 'tv' }],
    [
      'unknown type falls back to the id',
      { imdb_id: 'tt0111161', type: 'channel' },
      { imdbId: 'tt0111161', mediaType: null },
    ],
    [
      'explicit ids win over stremio_id',
      { tmdb_id: '278', imdb_id: 'tt0111161', stremio_id: 'tt0068646', type: 'movie' },
      { tmdbId: '278', imdbId: 'tt0111161' },
    ],
  ])('%s', (_name, query, expected) => {
    const result = parseIdentity(query);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.identity).toMatchObject(expected);
  });

  it.each([
    ['nothing', {}, 400, 'missing_id'],
    [
      'only placeholders',
      { tmdb_id: '{tmdb_id}', imdb_id: '{imdb_id?}', stremio_id: '{id}' },
      400,
      'missing_id',
    ],
    ['malformed tmdb id', { tmdb_id: '12ab', type: 'movie' }, 400, 'invalid_tmdb_id'],
    ['too long tmdb id', { tmdb_id: '12345678901', type: 'movie' }, 400, 'invalid_tmdb_id'],
    ['malformed imdb id', { imdb_id: 'nm0000151' }, 400, 'invalid_imdb_id'],
    ['bare tmdb id without type', { tmdb_id: '1396' }, 400, 'missing_type'],
    ['anime id', { stremio_id: 'kitsu:7442', type: 'series' }, 404, 'anime_unsupported'],
    ['garbage stremio id', { stremio_id: '../../etc/passwd' }, 400, 'invalid_stremio_id'],
  ])('%s → %i %s', (_name, query, status, code) => {
    expect(parseIdentity(query)).toMatchObject({ ok: false, status, code });
  });
});

describe('parseShape', () => {
  it.each([undefined, '', 'poster', 'PORTRAIT', ' Poster ', '{shape}', 'banner'])('%j is portrait', (raw) => {
    expect(parseShape(raw)).toEqual({ ok: true, shape: 'portrait' });
  });
  it.each(['landscape', 'square', 'SQUARE'])('%s is refused', (raw) => {
    expect(parseShape(raw).ok).toBe(false);
  });
});
