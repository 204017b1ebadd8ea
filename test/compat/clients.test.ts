/**
 * Pinned vectors for the client emulators (our own restatement of clients.md §1.3 and §2.2): if an
 * emulator drifts from the documented behaviour, the round trip in roundtrip.test.ts proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { resolveAio } from './clients/aiometadata.ts';
import { idsFromMetaId } from './clients/item.ts';
import { nuvioUrls, resolveNuvio } from './clients/nuvio.ts';

const BASE = 'https://posters.example';
const DEFAULT = `${BASE}/poster?tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id={id}&type={type}&shape={shape}`;

describe('meta id → split ids', () => {
  it.each([
    ['tt0111161', { imdb_id: 'tt0111161' }],
    ['tt0903747:1:2', { imdb_id: 'tt0903747' }],
    ['tmdb:1396', { tmdb_id: '1396' }],
    ['tmdb:tv:1399', { tmdb_id: 'tv:1399' }],
    ['tvdb:81189', { tvdb_id: '81189' }],
    ['kitsu:7442', { kitsu_id: '7442' }],
    ['mal:1535', { mal_id: '1535' }],
    ['channel:abc', {}],
  ])('%s', (id, expected) => {
    expect(idsFromMetaId(id)).toEqual(expected);
  });
});

describe('AIOMetadata emulator (fixed table, required-only, unknown left literal, raw values)', () => {
  it('leaves {tmdb_id?}, {imdb_id?} and {shape} in the Default template literally', () => {
    expect(resolveAio(DEFAULT, { id: 'tt0111161', type: 'movie', extraTmdbId: '278' })).toBe(
      `${BASE}/poster?tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id=tt0111161&type=movie&shape={shape}`,
    );
  });

  it('inserts values raw: colons and spaces are not encoded', () => {
    expect(
      resolveAio(
        `${BASE}/x?id={id}&ua={user_agent}`,
        { id: 'tmdb:tv:1399', type: 'series' },
        { userAgent: 'Stremio/5 (X11)' },
      ),
    ).toBe(`${BASE}/x?id=tmdb:tv:1399&ua=Stremio/5 (X11)`);
  });

  it('one required placeholder without a value makes the URL null', () => {
    expect(
      resolveAio(`${BASE}/poster?tmdb_id={tmdb_id}&type={type}`, { id: 'tt0111161', type: 'movie' }),
    ).toBeNull();
    expect(resolveAio(`${BASE}/p/{imdb_id}.jpg`, { id: 'tvdb:81189', type: 'series' })).toBeNull();
    expect(resolveAio(`${BASE}/x?k={mdblist_key}`, { id: 'tt1', type: 'movie' })).toBeNull();
  });

  it('takes extra stamped ids and meta.imdb_id; replaces every occurrence', () => {
    expect(
      resolveAio(`${BASE}/poster?tmdb_id={tmdb_id}&imdb_id={imdb_id}&again={tmdb_id}`, {
        id: 'tmdb:1396',
        type: 'series',
        imdbId: 'tt0903747',
      }),
    ).toBe(`${BASE}/poster?tmdb_id=1396&imdb_id=tt0903747&again=1396`);
  });

  it('{blur} and {thumbnail} are optional; other unknown braces survive', () => {
    expect(
      resolveAio(`${BASE}/t?b={blur}&f={thumbnail}&x={foo}&l={language_short}`, { id: 'tt1', type: 'movie' }),
    ).toBe(`${BASE}/t?b=&f=&x={foo}&l=en`);
  });
});

describe('Nuvio emulator (optional, pipe and required forms; shape passes)', () => {
  it('{imdb_id?} without a value becomes empty; a required {tmdb_id} is filled', () => {
    expect(
      resolveNuvio(
        `${BASE}/poster?tmdb_id={tmdb_id}&imdb_id={imdb_id?}&type={type}`,
        { id: 'tmdb:1396', type: 'series' },
        'poster',
      ),
    ).toBe(`${BASE}/poster?tmdb_id=1396&imdb_id=&type=series`);
  });

  it('anime ids go through {id}; a missing optional tmdb id is empty', () => {
    expect(
      resolveNuvio(
        `${BASE}/poster?tmdb_id={tmdb_id?}&stremio_id={id}&type={type}`,
        { id: 'kitsu:7442', type: 'series' },
        'poster',
      ),
    ).toBe(`${BASE}/poster?tmdb_id=&stremio_id=kitsu:7442&type=series`);
  });

  it('a required {tmdb_id} that an IMDb item cannot fill makes the URL null', () => {
    expect(
      resolveNuvio(
        `${BASE}/poster?tmdb_id={tmdb_id}&type={type}`,
        { id: 'tt0137523', type: 'movie' },
        'poster',
      ),
    ).toBeNull();
  });

  it('{id_type}/{typed_id} give RPDB-style paths', () => {
    const template = `${BASE}/k/{id_type}/poster-default/{typed_id}.jpg`;
    const cases: [string, string, string][] = [
      ['tt0137523', 'movie', 'imdb/poster-default/tt0137523.jpg'],
      ['tmdb:550', 'movie', 'tmdb/poster-default/movie-550.jpg'],
      ['tmdb:1396', 'series', 'tmdb/poster-default/series-1396.jpg'],
      ['tvdb:81189', 'series', 'tvdb/poster-default/series-81189.jpg'],
    ];
    for (const [id, type, tail] of cases)
      expect(resolveNuvio(template, { id, type }, 'poster')).toBe(`${BASE}/k/${tail}`);
  });

  it('pipes take the first name with a value, and null when none has one', () => {
    const template = `${BASE}/p/{imdb_id|tmdb_id}.jpg`;
    expect(resolveNuvio(template, { id: 'tmdb:550', type: 'movie' }, 'poster')).toBe(`${BASE}/p/550.jpg`);
    expect(resolveNuvio(template, { id: 'tmdb:550', type: 'movie', imdbId: 'tt0137523' }, 'poster')).toBe(
      `${BASE}/p/tt0137523.jpg`,
    );
    expect(resolveNuvio(template, { id: 'tvdb:81189', type: 'series' }, 'poster')).toBeNull();
  });

  it('with both {x?} and {x}, the required one stays literal; unknown names are sent as they are', () => {
    expect(
      resolveNuvio(`${BASE}/p?a={imdb_id?}&b={imdb_id}&k={tmdb_key}`, { id: 'tt1', type: 'movie' }, 'poster'),
    ).toBe(`${BASE}/p?a=tt1&b={imdb_id}&k={tmdb_key}`);
  });

  it('{shape}: the item’s own shape plus a landscape pass for every item', () => {
    const template = `${BASE}/poster?id={id}&shape={shape}`;
    expect(nuvioUrls(template, { id: 'tt1', type: 'movie' })).toEqual({
      own: `${BASE}/poster?id=tt1&shape=poster`,
      landscape: `${BASE}/poster?id=tt1&shape=landscape`,
    });
    expect(nuvioUrls(template, { id: 'tt1', type: 'movie', posterShape: 'square' }).own).toBe(
      `${BASE}/poster?id=tt1&shape=square`,
    );
  });

  it('without {shape}, only portrait cards get a custom URL', () => {
    const template = `${BASE}/poster?id={id}`;
    expect(nuvioUrls(template, { id: 'tt1', type: 'movie', posterShape: 'landscape' })).toEqual({
      own: null,
      landscape: null,
    });
    expect(nuvioUrls(template, { id: 'tt1', type: 'movie' }).own).toBe(`${BASE}/poster?id=tt1`);
  });
});
